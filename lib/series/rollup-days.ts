// Hour rollups packed by day (series.metric_rollup_days): one row per series and UTC day
// holding its 24 hour buckets, each figure as 24 big-endian float8. The rollup job builds a
// day once it is over, packs the current day through its last closed hour (again as each
// hour closes), and rebuilds a day when late samples change its packed hours (a new
// built_at); queries read built days (rollup-day-reader.ts) up to their `until` and the
// hours after it from series.metric_rollups_1h.
import type { Sql } from "@/lib/db/sql";

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const SLOTS = 24;
/** How far back the job looks for closed days never packed; older ones are packed when late
 *  samples touch them, and until then queries read their hour rows (same answer, slower). */
const LOOKBACK_DAYS = 100;

const iso = (ms: number) => new Date(ms).toISOString();
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** The packed figures in stored order, their columns, and the hour-row expression each packs (0 when empty). */
export const PACKED = ["count", "sum", "min", "max", "firstT", "firstV", "lastT", "lastV", "increase"] as const;
export type PackedFigure = (typeof PACKED)[number];
export const COLUMNS: Record<PackedFigure, string> = {
  count: "count",
  sum: "sum",
  min: "min",
  max: "max",
  firstT: "first_time",
  firstV: "first_value",
  lastT: "last_time",
  lastV: "last_value",
  increase: "increase",
};
const FROM_HOUR_ROW: Record<PackedFigure, string> = {
  count: "r.count::float8",
  sum: "r.sum",
  min: "r.min",
  max: "r.max",
  firstT: "(extract(epoch FROM r.first_time) * 1000)::float8",
  firstV: "r.first_value",
  lastT: "(extract(epoch FROM r.last_time) * 1000)::float8",
  lastV: "r.last_value",
  increase: "r.increase",
};
/** A built day (UTC midnight, ms), when it was last packed, and where its packed hours end (ms). */
export type BuiltDay = { day: number; builtAt: number; until: number };
/** A day to pack (UTC midnight, ms) and the end of the hours to pack: the next midnight once it is over. */
export type DayToBuild = { day: number; until: number };

/** Rewrites the packed rows of `days` from their hour rows before `until`, and marks them built. */
export async function buildDays(sql: Sql, days: DayToBuild[]): Promise<void> {
  if (days.length === 0) return;
  const list = days.map((d) => iso(d.day));
  const untils = days.map((d) => iso(d.until));
  await sql.query(`DELETE FROM series.metric_rollup_days WHERE day = ANY($1::timestamptz[])`, [list]);
  const packed = PACKED.map(
    (f) => `string_agg(float8send(COALESCE(${FROM_HOUR_ROW[f]}, 0)), ''::bytea ORDER BY s.slot)`,
  ).join(", ");
  await sql.query(
    `INSERT INTO series.metric_rollup_days (series_id, day, ${PACKED.map((f) => COLUMNS[f]).join(", ")})
     SELECT k.series_id, k.day, ${packed}
       FROM (SELECT DISTINCT h.series_id, d.day, d.until
               FROM unnest($1::timestamptz[], $2::timestamptz[]) AS d(day, until)
               JOIN series.metric_rollups_1h h ON h.time >= d.day AND h.time < d.until) k
      CROSS JOIN generate_series(0, ${SLOTS - 1}) AS s(slot)
       LEFT JOIN series.metric_rollups_1h r ON r.series_id = k.series_id
             AND r.time = k.day + s.slot * INTERVAL '1 hour' AND r.time < k.until
      GROUP BY k.series_id, k.day`,
    [list, untils],
  );
  await sql.query(
    `INSERT INTO series.rollup_days_built (day, until) SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[])
     ON CONFLICT (day) DO UPDATE SET built_at = clock_timestamp(), until = excluded.until`,
    [list, untils],
  );
}

/**
 * The days to (re)build after rolling up `minutes`: closed days the minutes fall in, closed
 * days with hour rows never built whole (the day just ended, or the job was away), and the
 * current day through `closedUntil` (the end of the last hour whose minutes are all rolled
 * up) when more of its hours have closed or the minutes changed its packed hours.
 */
export async function daysToBuild(
  sql: Sql,
  minutes: number[],
  closedUntil: number,
  now = Date.now(),
): Promise<DayToBuild[]> {
  const today = dayOf(now);
  const closed = new Set(minutes.map(dayOf).filter((d) => d < today));
  const { rows } = await sql.query<{ d: string }>(
    `SELECT (extract(epoch FROM d) * 1000)::int8 AS d
       FROM generate_series($1::timestamptz, $2::timestamptz, INTERVAL '1 day') AS d
      WHERE NOT EXISTS (SELECT 1 FROM series.rollup_days_built b WHERE b.day = d AND b.until >= d + INTERVAL '1 day')
        AND EXISTS (SELECT 1 FROM series.metric_rollups_1h r WHERE r.time >= d AND r.time < d + INTERVAL '1 day')`,
    [iso(today - LOOKBACK_DAYS * DAY_MS), iso(today - DAY_MS)],
  );
  for (const r of rows) closed.add(Number(r.d));
  const days = [...closed].sort((a, b) => a - b).map((day) => ({ day, until: day + DAY_MS }));
  const until = Math.min(Math.floor(closedUntil / HOUR_MS) * HOUR_MS, today + DAY_MS);
  if (until > today) {
    const [built] = await builtDays(sql, today, today + 1);
    const changed = built !== undefined && minutes.some((m) => m >= today && m < built.until);
    if (built === undefined || built.until < until || changed) days.push({ day: today, until });
  }
  return days;
}

/** The built days among [from, to) (UTC midnights, ms), in order. */
export async function builtDays(sql: Sql, from: number, to: number): Promise<BuiltDay[]> {
  const { rows } = await sql.query<{ d: string; b: string; u: string }>(
    `SELECT (extract(epoch FROM day) * 1000)::int8 AS d, (extract(epoch FROM built_at) * 1000000)::int8 AS b,
            (extract(epoch FROM until) * 1000)::int8 AS u
       FROM series.rollup_days_built WHERE day >= $1 AND day < $2 ORDER BY day`,
    [iso(from), iso(to)],
  );
  return rows.map((r) => ({ day: Number(r.d), builtAt: Number(r.b), until: Number(r.u) }));
}
