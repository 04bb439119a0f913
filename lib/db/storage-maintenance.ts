// Hourly: create upcoming partitions and drop expired ones (PostgreSQL) or refresh the
// policies (TimescaleDB). Idempotent, so every replica may run it without coordination.
import { env } from "@/lib/env";
import { getPool, pgSql } from "./client";
import { detectDialect, maintainStorage } from "./dialect";

const HOUR_MS = 3_600_000;

export function startStorageMaintenance(): void {
  const run = async () => {
    try {
      const sql = pgSql(getPool());
      await maintainStorage(sql, await detectDialect(sql), { retentionDays: env().RETENTION_DAYS });
    } catch (err) {
      console.error("[storage] maintenance failed:", (err as Error).message);
    }
  };
  setInterval(run, HOUR_MS).unref();
}
