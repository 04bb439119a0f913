// Where time-series functions run: a SQL connection and its dialect. The app uses the
// shared pool; tests pass PostgreSQL or the PGlite TimescaleDB build.
import { getPool, pgSql } from "@/lib/db/client";
import { detectDialect, type Dialect } from "@/lib/db/dialect";
import type { Sql } from "@/lib/db/sql";

export type SeriesDb = { sql: Sql; dialect: Dialect };

let cached: Promise<SeriesDb> | undefined;

export function appSeriesDb(): Promise<SeriesDb> {
  cached ??= (async () => {
    const sql = pgSql(getPool());
    return { sql, dialect: await detectDialect(sql) };
  })();
  return cached;
}
