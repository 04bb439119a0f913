// Everything a database needs before the app serves from it: migrations, time-series
// storage for the detected dialect, the first admin and (optionally) the demo client.
// Run by `npm start`, the CLI and the test harnesses; every step is idempotent.
import pg from "pg";
import { env } from "@/lib/env";
import { pgSql } from "@/lib/db/client";
import { detectDialect, maintainStorage, type Dialect } from "@/lib/db/dialect";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { appSeriesDb } from "@/lib/series/series-db";
import { seedDemo, type SeedResult } from "@/lib/demo/seed-demo";
import { ensureFirstAdmin, type FirstAdmin } from "./first-admin";

export type PrepareOptions = {
  retentionDays: number;
  admin?: { email?: string; password?: string };
  demo?: boolean;
};

export type PrepareResult = {
  dialect: Dialect;
  applied: string[];
  firstAdmin: FirstAdmin;
  demo: SeedResult | null;
};

/** Prepares the database at DATABASE_URL (the one the app's shared pool uses). */
export async function prepareDatabase(opts: PrepareOptions): Promise<PrepareResult> {
  // Migrations take a session-level advisory lock: they need one connection, not a pool.
  const conn = new pg.Client({ connectionString: env().DATABASE_URL });
  await conn.connect();
  let dialect: Dialect;
  let applied: string[];
  try {
    const sql = pgSql(conn);
    ({ applied } = await migrate(sql, await readMigrations()));
    dialect = await detectDialect(sql);
    await maintainStorage(sql, dialect, { retentionDays: opts.retentionDays });
  } finally {
    await conn.end();
  }
  const firstAdmin = opts.admin ? await ensureFirstAdmin(opts.admin) : null;
  const demo = opts.demo ? await seedDemo(await appSeriesDb()) : null;
  return { dialect, applied, firstAdmin, demo };
}
