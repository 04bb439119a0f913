// The one place where TimescaleDB and plain PostgreSQL differ at run time: detection,
// time bucketing, and keeping storage within retention (policies vs. partitions).
// Table DDL for both lives in the time_series migration, branching on the same test.
import type { Sql } from "./sql";

export type Dialect = "timescale" | "postgres";

export const SERIES_TABLES = ["metric_samples", "events", "spans", "metric_rollups_1m", "metric_rollups_1h"] as const;

export async function detectDialect(sql: Sql): Promise<Dialect> {
  const { rows } = await sql.query<{ installed: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS installed",
  );
  return rows[0]?.installed ? "timescale" : "postgres";
}

// Both dialects bucket from the same origin (time_bucket's default, Monday 2000-01-03),
// so week-sized buckets line up identically. The interval is always a bound parameter.
const BUCKET_ORIGIN = "TIMESTAMPTZ '2000-01-03 00:00:00+00'";

/** SQL for the start of the bucket containing `column`; `intervalParam` is e.g. "$2". */
export function bucketExpression(dialect: Dialect, column: string, intervalParam: string): string {
  return dialect === "timescale"
    ? `time_bucket(${intervalParam}::interval, ${column}, ${BUCKET_ORIGIN})`
    : `date_bin(${intervalParam}::interval, ${column}, ${BUCKET_ORIGIN})`;
}

export type RetentionOptions = { retentionDays: number; daysAhead?: number; now?: Date };

const DAY_MS = 86_400_000;
const utcDay = (t: number) => new Date(Math.floor(t / DAY_MS) * DAY_MS);
const partitionName = (table: string, day: Date) => `${table}_p${day.toISOString().slice(0, 10).replaceAll("-", "")}`;

/** Pure: the daily partitions that should exist for a retention window. */
export function wantedPartitions(table: string, { retentionDays, daysAhead = 3, now = new Date() }: RetentionOptions) {
  const first = utcDay(now.getTime() - retentionDays * DAY_MS).getTime();
  const last = utcDay(now.getTime() + daysAhead * DAY_MS).getTime();
  const out: { name: string; from: Date; to: Date }[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    out.push({ name: partitionName(table, new Date(t)), from: new Date(t), to: new Date(t + DAY_MS) });
  }
  return out;
}

/**
 * Keeps storage inside the retention window. TimescaleDB: registers retention and
 * compression policies (idempotent). PostgreSQL: creates the daily partitions ahead
 * and drops whole partitions older than retention. Safe to run on every start and hourly.
 */
export async function maintainStorage(sql: Sql, dialect: Dialect, opts: RetentionOptions) {
  // Staleness markers and day-packed rollups are few rows: plain tables trimmed by age on both dialects.
  const days = [opts.retentionDays];
  await sql.query(`DELETE FROM series.metric_stale_markers WHERE time < now() - make_interval(days => $1::int)`, days);
  await sql.query(`DELETE FROM series.metric_rollup_days WHERE day < now() - make_interval(days => $1::int)`, days);
  await sql.query(`DELETE FROM series.rollup_days_built WHERE day < now() - make_interval(days => $1::int)`, days);
  if (dialect === "timescale") {
    for (const table of SERIES_TABLES) {
      // Replace rather than keep: RETENTION_DAYS may have changed since the last start.
      await sql.query(`SELECT remove_retention_policy($1::regclass, if_exists => true)`, [`series.${table}`]);
      await sql.query(`SELECT add_retention_policy($1::regclass, make_interval(days => $2::int))`, [
        `series.${table}`,
        opts.retentionDays,
      ]);
      await sql.query(`SELECT add_compression_policy($1::regclass, INTERVAL '7 days', if_not_exists => true)`, [
        `series.${table}`,
      ]);
    }
    return { created: 0, dropped: 0 };
  }
  let created = 0;
  let dropped = 0;
  for (const table of SERIES_TABLES) {
    const wanted = wantedPartitions(table, opts);
    const { rows } = await sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid
         JOIN pg_class p ON p.oid = i.inhparent
         JOIN pg_namespace n ON n.oid = p.relnamespace
        WHERE n.nspname = 'series' AND p.relname = $1`,
      [table],
    );
    const existing = new Set(rows.map((r) => r.name));
    for (const p of wanted) {
      if (existing.has(p.name)) continue;
      // Identifiers come from wantedPartitions (table constant + date digits), bounds are ISO dates.
      await sql.query(
        `CREATE TABLE IF NOT EXISTS series.${p.name} PARTITION OF series.${table}
           FOR VALUES FROM ('${p.from.toISOString()}') TO ('${p.to.toISOString()}')`,
      );
      created++;
    }
    const oldest = wanted[0].name;
    for (const name of existing) {
      if (name < oldest) {
        await sql.query(`DROP TABLE IF EXISTS series.${name}`);
        dropped++;
      }
    }
  }
  return { created, dropped };
}
