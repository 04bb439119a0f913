// Rollups: one row per series per minute and per hour (count, sum, min, max, first, last,
// reset-aware increase), kept by the app on both dialects. Ingest marks the minutes a batch
// touched (series.rollup_pending); refreshRollups() claims those marks, rewrites their
// minute rows from raw samples and their hour rows from minute rows, in one transaction, so
// a crash leaves the marks for the next run; days are then packed by day, the current one
// through its last closed hour (rollup-days.ts). Queries read rollups only before the
// earliest pending minute (rollupWatermark) and raw samples after it.
import type pg from "pg";
import { pgSql } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { buildDays, daysToBuild } from "./rollup-days";

export type Resolution = { name: "1m" | "1h"; ms: number; table: string };
export const RESOLUTIONS: Resolution[] = [
  { name: "1h", ms: 3_600_000, table: "series.metric_rollups_1h" },
  { name: "1m", ms: 60_000, table: "series.metric_rollups_1m" },
];

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** pg_try_advisory_xact_lock key: one refresher at a time across replicas. */
const LOCK_KEY = 7_220_001;
const EPOCH = "TIMESTAMPTZ 'epoch'";

/** Distinct minutes (ms) the sample times fall in: what a batch marks pending. */
export function touchedMinutes(times: Iterable<number>): number[] {
  const minutes = new Set<number>();
  for (const t of times) minutes.add(Math.floor(t / MINUTE_MS) * MINUTE_MS);
  return [...minutes];
}

export async function markPending(sql: Sql, minutes: number[]): Promise<void> {
  if (minutes.length === 0) return;
  await sql.query(
    `INSERT INTO series.rollup_pending (minute) SELECT to_timestamp(m / 1000.0) FROM unnest($1::int8[]) m`,
    [minutes],
  );
}

/** Contiguous [from, to) ranges covering the sorted bucket starts, each bucket `size` long. */
export function contiguousRanges(starts: number[], size: number): [number, number][] {
  const out: [number, number][] = [];
  for (const s of [...starts].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], s + size);
    else out.push([s, s + size]);
  }
  return out;
}

// Reset-aware increase between consecutive values: a drop means the counter restarted.
const INCREASE = (v: string, prev: string) =>
  `COALESCE(sum(CASE WHEN ${v} >= ${prev} THEN ${v} - ${prev} ELSE ${v} END) FILTER (WHERE ${prev} IS NOT NULL), 0)`;
// Prometheus' min/max_over_time skip NaN unless every value is NaN.
const NAN_SKIPPING = (fn: string, v: string) => `COALESCE(${fn}(${v}) FILTER (WHERE ${v} <> 'NaN'), 'NaN')`;

async function rollMinutes(sql: Sql, from: number, to: number) {
  const range = [new Date(from).toISOString(), new Date(to).toISOString()];
  await sql.query(`DELETE FROM series.metric_rollups_1m WHERE time >= $1 AND time < $2`, range);
  await sql.query(
    `INSERT INTO series.metric_rollups_1m
       (series_id, time, count, sum, min, max, first_time, first_value, last_time, last_value, increase)
     SELECT series_id, bucket, count(*), sum(value), ${NAN_SKIPPING("min", "value")}, ${NAN_SKIPPING("max", "value")},
            min(time), (array_agg(value ORDER BY time))[1], max(time), (array_agg(value ORDER BY time DESC))[1],
            ${INCREASE("value", "prev")}
       FROM (SELECT series_id, time, value, date_bin('1 minute', time, ${EPOCH}) AS bucket,
                    lag(value) OVER (PARTITION BY series_id, date_bin('1 minute', time, ${EPOCH}) ORDER BY time) AS prev
               FROM series.metric_samples WHERE time >= $1 AND time < $2) s
      GROUP BY series_id, bucket`,
    range,
  );
}

async function rollHours(sql: Sql, from: number, to: number) {
  const range = [new Date(from).toISOString(), new Date(to).toISOString()];
  await sql.query(`DELETE FROM series.metric_rollups_1h WHERE time >= $1 AND time < $2`, range);
  await sql.query(
    `INSERT INTO series.metric_rollups_1h
       (series_id, time, count, sum, min, max, first_time, first_value, last_time, last_value, increase)
     SELECT series_id, bucket, sum(count), sum(sum), ${NAN_SKIPPING("min", "min")}, ${NAN_SKIPPING("max", "max")},
            min(first_time), (array_agg(first_value ORDER BY time))[1],
            max(last_time), (array_agg(last_value ORDER BY time DESC))[1],
            sum(increase) + ${INCREASE("first_value", "prev_last")}
       FROM (SELECT m.*, date_bin('1 hour', time, ${EPOCH}) AS bucket,
                    lag(last_value) OVER (PARTITION BY series_id, date_bin('1 hour', time, ${EPOCH}) ORDER BY time) AS prev_last
               FROM series.metric_rollups_1m m WHERE time >= $1 AND time < $2) s
      GROUP BY series_id, bucket`,
    range,
  );
}

/**
 * Claims every pending minute and rewrites its minute and hour rows. Run it inside a
 * transaction (refreshRollups does): claim and rewrite then commit together.
 */
export async function rollUpPending(sql: Sql, now = Date.now()): Promise<number> {
  const { rows } = await sql.query<{ m: string }>(
    `WITH claimed AS (DELETE FROM series.rollup_pending RETURNING minute)
     SELECT DISTINCT (extract(epoch FROM minute) * 1000)::int8 AS m FROM claimed`,
  );
  const minutes = rows.map((r) => Number(r.m));
  for (const [from, to] of contiguousRanges(minutes, MINUTE_MS)) await rollMinutes(sql, from, to);
  for (const [from, to] of contiguousRanges(touchedHours(minutes), HOUR_MS)) await rollHours(sql, from, to);
  // Days whose packed hours changed, that just ended, or (today) with more closed hours are
  // packed again for long-range reads: hours are closed up to now and to the minutes marked
  // since the claim (samples arriving meanwhile).
  const pending = await rollupWatermark(sql);
  await buildDays(sql, await daysToBuild(sql, minutes, Math.min(now, pending ?? now), now));
  return minutes.length;
}

/** One refresh in its own transaction: the minutes rewritten (0 when another replica holds the lock). */
export async function refreshRollups(pool: pg.Pool, now = Date.now()): Promise<{ minutes: number }> {
  const conn = await pool.connect();
  try {
    await conn.query("BEGIN");
    const { rows: lock } = await conn.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [LOCK_KEY]);
    if (!lock[0].ok) {
      await conn.query("ROLLBACK");
      return { minutes: 0 };
    }
    const minutes = await rollUpPending(pgSql(conn), now);
    await conn.query("COMMIT");
    return { minutes };
  } catch (err) {
    await conn.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    conn.release();
  }
}

const touchedHours = (minutes: number[]) => [...new Set(minutes.map((m) => Math.floor(m / HOUR_MS) * HOUR_MS))];

/** The earliest minute not yet rolled up (ms), or null when every stored sample is. */
export async function rollupWatermark(sql: Sql): Promise<number | null> {
  const { rows } = await sql.query<{ m: string | null }>(
    `SELECT (extract(epoch FROM min(minute)) * 1000)::int8 AS m FROM series.rollup_pending`,
  );
  return rows[0]?.m === null || rows[0]?.m === undefined ? null : Number(rows[0].m);
}

/** Every 10 s in the server; overlapping runs are skipped, replicas take turns by lock. */
export function startRollupRefresher(pool: () => pg.Pool, everyMs = 10_000): void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await refreshRollups(pool());
    } catch (err) {
      console.error("[rollups] refresh failed:", (err as Error).message);
    } finally {
      running = false;
    }
  };
  setInterval(run, everyMs).unref();
}
