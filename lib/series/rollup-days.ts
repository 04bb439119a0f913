// Hour rollups packed by day (series.metric_rollup_days): one row per series and closed UTC
// day holding its 24 hour buckets, each figure as 24 big-endian float8. The rollup job
// builds a day once it is over and rebuilds it when late samples change its hours; queries
// read built days by binary COPY (30 rows per series for 30 days, no text conversion) and
// the hours after them from series.metric_rollups_1h.
import { parseCopyBinary } from "@/lib/db/copy-binary";
import type { Sql } from "@/lib/db/sql";
import { BUCKET_FIGURES, NO_VALUES, type BucketFigure, type Buckets } from "@/lib/promql/eval/buckets";

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SLOTS = 24;
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
const EPOCH = "TIMESTAMPTZ 'epoch'";
/** How far back the job looks for closed days not built yet (longer than any retention). */
const LOOKBACK_DAYS = 100;

const iso = (ms: number) => new Date(ms).toISOString();
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

// Each stored figure: its column, and the hour-row expression packed into it (0 when the hour is empty).
const COLUMNS: Record<Exclude<BucketFigure, "t">, [string, string]> = {
  count: ["count", "r.count::float8"],
  sum: ["sum", "r.sum"],
  min: ["min", "r.min"],
  max: ["max", "r.max"],
  firstT: ["first_time", "(extract(epoch FROM r.first_time) * 1000)::float8"],
  firstV: ["first_value", "r.first_value"],
  lastT: ["last_time", "(extract(epoch FROM r.last_time) * 1000)::float8"],
  lastV: ["last_value", "r.last_value"],
  increase: ["increase", "r.increase"],
};
const FIGURES = Object.keys(COLUMNS) as Exclude<BucketFigure, "t">[];

/** Rewrites the packed rows of `days` (UTC midnights, ms) from the hour rows, and marks them built. */
export async function buildDays(sql: Sql, days: number[]): Promise<void> {
  if (days.length === 0) return;
  const list = days.map(iso);
  await sql.query(`DELETE FROM series.metric_rollup_days WHERE day = ANY($1::timestamptz[])`, [list]);
  const packed = FIGURES.map(
    (f) => `string_agg(float8send(COALESCE(${COLUMNS[f][1]}, 0)), ''::bytea ORDER BY s.slot)`,
  ).join(", ");
  await sql.query(
    `INSERT INTO series.metric_rollup_days (series_id, day, ${FIGURES.map((f) => COLUMNS[f][0]).join(", ")})
     SELECT k.series_id, k.day, ${packed}
       FROM (SELECT DISTINCT h.series_id, d.day
               FROM unnest($1::timestamptz[]) AS d(day)
               JOIN series.metric_rollups_1h h ON h.time >= d.day AND h.time < d.day + INTERVAL '1 day') k
      CROSS JOIN generate_series(0, ${SLOTS - 1}) AS s(slot)
       LEFT JOIN series.metric_rollups_1h r ON r.series_id = k.series_id AND r.time = k.day + s.slot * INTERVAL '1 hour'
      GROUP BY k.series_id, k.day`,
    [list],
  );
  await sql.query(
    `INSERT INTO series.rollup_days_built (day) SELECT unnest($1::timestamptz[]) ON CONFLICT DO NOTHING`,
    [list],
  );
}

/**
 * The closed days to (re)build after rolling up `minutes`: those the minutes fall in, and
 * days with hour rows that were never built (the day just ended, or the job was away).
 */
export async function daysToBuild(sql: Sql, minutes: number[], now = Date.now()): Promise<number[]> {
  const today = dayOf(now);
  const touched = new Set(minutes.map(dayOf).filter((d) => d < today));
  const { rows } = await sql.query<{ d: string }>(
    `SELECT (extract(epoch FROM d) * 1000)::int8 AS d
       FROM generate_series($1::timestamptz, $2::timestamptz, INTERVAL '1 day') AS d
      WHERE NOT EXISTS (SELECT 1 FROM series.rollup_days_built b WHERE b.day = d)
        AND EXISTS (SELECT 1 FROM series.metric_rollups_1h r WHERE r.time >= d AND r.time < d + INTERVAL '1 day')`,
    [iso(today - LOOKBACK_DAYS * DAY_MS), iso(today - DAY_MS)],
  );
  for (const r of rows) touched.add(Number(r.d));
  return [...touched].sort((a, b) => a - b);
}

/** The built days among [from, to) (UTC midnights, ms), in order. */
export async function builtDays(sql: Sql, from: number, to: number): Promise<number[]> {
  const { rows } = await sql.query<{ d: string }>(
    `SELECT (extract(epoch FROM day) * 1000)::int8 AS d FROM series.rollup_days_built
      WHERE day >= $1 AND day < $2 ORDER BY day`,
    [iso(from), iso(to)],
  );
  return rows.map((r) => Number(r.d));
}

/**
 * Hour buckets starting in [from, to) of the given series, from the packed days covering
 * them (the caller makes sure they are built). Only `figures` are read (with count: empty
 * hours are told by it); the others are empty columns.
 */
export async function readDays(
  sql: Sql,
  ids: string[],
  from: number,
  to: number,
  figures: readonly BucketFigure[],
): Promise<Map<string, Buckets>> {
  const wanted = FIGURES.filter((f) => f === "count" || figures.includes(f));
  // Ids are int8 from the series dictionary and times are ISO strings: nothing to escape.
  const select = `SELECT series_id, day, ${wanted.map((f) => COLUMNS[f][0]).join(", ")}
                    FROM series.metric_rollup_days
                   WHERE series_id = ANY('{${ids.map((id) => BigInt(id)).join(",")}}'::int8[])
                     AND day >= '${iso(dayOf(from))}' AND day < '${iso(to)}'`;
  let rows: PackedRows;
  if (sql.copyOut) {
    const buf = await sql.copyOut(`COPY (${select}) TO STDOUT (FORMAT binary)`);
    const { rows: n, fields, start } = parseCopyBinary(buf);
    // Binary int8 and timestamptz (microseconds since 2000-01-01), big-endian.
    const y2k = Date.UTC(2000, 0, 1);
    rows = {
      n,
      id: (r) => Number(buf.readBigInt64BE(start[r * fields])),
      day: (r) => y2k + Number(buf.readBigInt64BE(start[r * fields + 1]) / 1000n),
      copy: (c, r, target, at) =>
        buf.copy(target, at, start[r * fields + 2 + c], start[r * fields + 2 + c] + SLOTS * 8),
    };
  } else {
    // Drivers without COPY (PGlite in tests): the same rows, bytea as bytes.
    const { rows: result } = await sql.query<Record<string, unknown>>(
      select.replace(
        "SELECT series_id, day",
        "SELECT series_id::text AS id, (extract(epoch FROM day) * 1000)::float8 AS day_ms",
      ),
    );
    rows = {
      n: result.length,
      id: (r) => Number(result[r].id),
      day: (r) => Number(result[r].day_ms),
      copy: (c, r, target, at) => target.set(result[r][COLUMNS[wanted[c]][0]] as Uint8Array, at),
    };
  }
  return unpack(rows, wanted, from, to);
}

/** Packed rows as read: series id and day of row r, and a way to copy column c's bytes of row r. */
type PackedRows = {
  n: number;
  id(r: number): number;
  day(r: number): number;
  copy(c: number, r: number, target: Uint8Array, at: number): void;
};

/**
 * Packed days to buckets per series. Each figure's bytes go into one array for all rows, in
 * series and day order (sorted here: PostgreSQL would sort 17 MB on disk), byte-swapped
 * once (the machine is little-endian); empty and out-of-range hours are then squeezed out
 * in place, and each series gets views of its part.
 */
function unpack(
  rows: PackedRows,
  wanted: Exclude<BucketFigure, "t">[],
  from: number,
  to: number,
): Map<string, Buckets> {
  const ids = Float64Array.from({ length: rows.n }, (_, r) => rows.id(r));
  const days = Float64Array.from({ length: rows.n }, (_, r) => rows.day(r));
  const order = Array.from({ length: rows.n }, (_, r) => r).sort((a, b) => ids[a] - ids[b] || days[a] - days[b]);
  const size = rows.n * SLOTS;
  const columns = new Map<BucketFigure, Float64Array>([["t", new Float64Array(size)]]);
  for (const f of wanted) columns.set(f, new Float64Array(size));
  wanted.forEach((f, c) => {
    const bytes = new Uint8Array(columns.get(f)!.buffer);
    order.forEach((r, p) => rows.copy(c, r, bytes, p * SLOTS * 8));
    if (LITTLE_ENDIAN) Buffer.from(bytes.buffer).swap64();
  });
  const t = columns.get("t")!;
  const count = columns.get("count")!;
  const kept = [...columns.values()];
  const out = new Map<string, Buckets>();
  let w = 0;
  for (let p = 0; p < rows.n;) {
    const id = ids[order[p]];
    const first = w;
    for (; p < rows.n && ids[order[p]] === id; p++) {
      const day = days[order[p]];
      for (let slot = 0, k = p * SLOTS; slot < SLOTS; slot++, k++) {
        const time = day + slot * HOUR_MS;
        if (time < from || time >= to || count[k] === 0) continue;
        t[k] = time;
        if (k !== w) for (const column of kept) column[w] = column[k];
        w++;
      }
    }
    const b = { n: w - first } as Buckets;
    for (const f of BUCKET_FIGURES) b[f] = (columns.get(f) ?? NO_VALUES).subarray(first, w);
    out.set(String(id), b);
  }
  return out;
}
