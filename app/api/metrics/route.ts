// GET /api/metrics — Telltale's own metrics in the Prometheus text format
import { route } from "@/lib/api/route";
import { getPool } from "@/lib/db/client";
import { registerGauge, registry } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

registerGauge("telltale_db_pool_connections", "Database pool connections by state", ["state"], (g) => {
  const pool = getPool();
  g.set({ state: "total" }, pool.totalCount);
  g.set({ state: "idle" }, pool.idleCount);
  g.set({ state: "waiting" }, pool.waitingCount);
});

export const GET = route("/api/metrics", async () => {
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
});
