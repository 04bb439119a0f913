// Liveness of this process and its database, for /api/health and the operators' probes.
import { detectDialect, type Dialect } from "@/lib/db/dialect";
import { getPool, pgSql } from "@/lib/db/client";
import pkg from "@/package.json";

let dialect: Dialect | undefined;

export type Health = {
  status: "ok" | "degraded";
  version: string;
  uptimeSeconds: number;
  db: { ok: boolean; dialect: Dialect | null; latencyMs: number | null; error?: string };
};

export async function getHealth(): Promise<Health> {
  const base = { version: pkg.version, uptimeSeconds: Math.round(process.uptime()) };
  const t0 = performance.now();
  try {
    const sql = pgSql(getPool());
    await sql.query("SELECT 1");
    const latencyMs = Math.round((performance.now() - t0) * 100) / 100;
    dialect ??= await detectDialect(sql);
    return { status: "ok", ...base, db: { ok: true, dialect, latencyMs } };
  } catch {
    return {
      status: "degraded",
      ...base,
      db: { ok: false, dialect: dialect ?? null, latencyMs: null, error: "database unreachable" },
    };
  }
}
