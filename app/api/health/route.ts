// GET /api/health — process and database health; 503 when the database is unreachable
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { getHealth } from "@/lib/health/get-health";

export const dynamic = "force-dynamic";

export const GET = route("/api/health", async () => {
  const health = await getHealth();
  return json(health, health.db.ok ? 200 : 503, { "Cache-Control": "no-store" });
});
