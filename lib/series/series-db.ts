// Where time-series functions run: a SQL connection and its dialect. The app uses the
// shared pool; tests pass PostgreSQL or the PGlite TimescaleDB build.
import { getPool, pgSql } from "@/lib/db/client";
import { detectDialect, type Dialect } from "@/lib/db/dialect";
import type { Sql } from "@/lib/db/sql";

export type SeriesDb = { sql: Sql; dialect: Dialect };

// Resolves the pool on every query, so the app's database can be reopened (tests do).
const poolSql: Sql = {
  query: (text, params) => pgSql(getPool()).query(text, params),
  queryArrays: (text, params) => pgSql(getPool()).queryArrays(text, params),
  copyOut: (copyStatement) => pgSql(getPool()).copyOut(copyStatement),
};
let dialect: Promise<Dialect> | undefined;

export async function appSeriesDb(): Promise<SeriesDb> {
  dialect ??= detectDialect(poolSql);
  return { sql: poolSql, dialect: await dialect };
}
