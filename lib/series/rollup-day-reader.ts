// Reading hour buckets from days packed by the rollup job (see rollup-days.ts), for the
// query loader. Packed rows come by binary COPY; each (series, day) becomes one entry of
// 9 figures × 24 hours. Entries are kept in a per-process cache bounded by
// QUERY_CACHE_MB: a built day changes only when the job packs it again, which gives it a
// new built_at, so an entry is used only while its built_at is the day's current one.
import { int8ArrayLiteral, int8At, parseCopyBinary, timestampArrayLiteral, timestampAt } from "@/lib/db/copy-binary";
import type { Sql } from "@/lib/db/sql";
import { env } from "@/lib/env";
import { emptyBuckets, firstAtOrAfter, sliceBuckets, type BucketFigure, type Buckets } from "@/lib/promql/eval/buckets";
import { COLUMNS, HOUR_MS, PACKED, SLOTS, type BuiltDay } from "./rollup-days";

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
const ENTRY_FIGURES = PACKED.length * SLOTS;
/** Bytes an entry holds, with the objects around its values. */
const ENTRY_BYTES = ENTRY_FIGURES * 8 + 200;
const EMPTY_DAY = new Float64Array(ENTRY_FIGURES);

/** One series' packed day: figure PACKED[f] of hour slot s at values[f * SLOTS + s]; `mask`: figures read. */
type Entry = { builtAt: number; mask: number; values: Float64Array };

const maskOf = (figures: readonly BucketFigure[]) =>
  PACKED.reduce((m, f, i) => (f === "count" || figures.includes(f) ? m | (1 << i) : m), 0);

/** A series' cached days, and its last assembled run of days (`sig` says which days, built when, which figures). */
type CachedSeries = { days: Map<number, Entry>; run?: { sig: string; buckets: Buckets; size: number } };

/**
 * Entries by series, then day; the least recently used series go first once the budget
 * (in entries) is reached. By series: a query reads all days of a series together. The
 * last assembled run is kept too: a dashboard asks for the same days again and again.
 */
export class DayCache {
  private readonly series = new Map<string, CachedSeries>();
  private entries = 0;
  constructor(private readonly maxEntries: number) {}

  /** The series' cached days (most recently used from now on). */
  get(id: string): CachedSeries | undefined {
    const cached = this.series.get(id);
    if (cached) {
      this.series.delete(id);
      this.series.set(id, cached);
    }
    return cached;
  }

  set(id: string, day: number, e: Entry): void {
    const cached = this.entry(id);
    if (!cached.days.has(day)) this.entries++;
    cached.days.set(day, e);
    this.evict(id);
  }

  setRun(id: string, sig: string, buckets: Buckets): void {
    const cached = this.entry(id);
    const size = Math.ceil(buckets.n / SLOTS); // as many entries as whole days of buckets
    this.entries += size - (cached.run?.size ?? 0);
    cached.run = { sig, buckets, size };
    this.evict(id);
  }

  get size() {
    return this.entries;
  }

  private entry(id: string): CachedSeries {
    let cached = this.series.get(id);
    if (!cached) this.series.set(id, (cached = { days: new Map() }));
    return cached;
  }

  private evict(keep: string) {
    for (const [oldest, gone] of this.series) {
      if (this.entries <= this.maxEntries || oldest === keep) break;
      this.series.delete(oldest);
      this.entries -= gone.days.size + (gone.run?.size ?? 0);
    }
  }
}

let shared: DayCache | undefined;
/** This process' cache (none when QUERY_CACHE_MB is 0). */
export function dayCache(): DayCache | undefined {
  const mb = env().QUERY_CACHE_MB;
  if (mb === 0) return undefined;
  shared ??= new DayCache(Math.floor((mb * 1024 * 1024) / ENTRY_BYTES));
  return shared;
}

/**
 * Hour buckets starting in [from, to) of the given series from built `days`, with the
 * given figures (t and count always; the others are empty columns). With a cache, missing
 * days are read with every figure, so the next query of another function finds them too.
 */
export async function readDays(
  sql: Sql,
  ids: string[],
  days: BuiltDay[],
  from: number,
  to: number,
  figures: readonly BucketFigure[],
  cache = dayCache(),
): Promise<Map<string, Buckets>> {
  const need = maskOf(figures);
  const sig = `${need}|${days.map((d) => `${d.day}/${d.builtAt}`).join(",")}`;
  const out = new Map<string, Buckets>();
  const found = new Map<string, (Entry | undefined)[]>();
  const missingIds: string[] = [];
  const missingDays = new Set<number>();
  for (const id of ids) {
    const cached = cache?.get(id);
    if (cached?.run?.sig === sig) {
      out.set(id, within(cached.run.buckets, from, to));
      continue;
    }
    const entries = days.map(({ day, builtAt }) => {
      const e = cached?.days.get(day);
      return e && e.builtAt === builtAt && (e.mask & need) === need ? e : undefined;
    });
    found.set(id, entries);
    if (entries.includes(undefined)) {
      missingIds.push(id);
      days.forEach((d, i) => entries[i] || missingDays.add(d.day));
    }
  }
  if (missingIds.length > 0) {
    const read = await fetchEntries(sql, missingIds, [...missingDays], cache ? -1 : need);
    for (const id of missingIds) {
      const entries = found.get(id)!;
      days.forEach(({ day, builtAt }, i) => {
        if (entries[i]) return;
        // A series without samples that day has no row: remembered as an empty day.
        entries[i] = { builtAt, ...(read.get(`${id}:${day}`) ?? { mask: -1, values: EMPTY_DAY }) };
        cache?.set(id, day, entries[i]);
      });
    }
  }
  // Whole days assembled (and kept as the series' run), then cut to [from, to).
  const runEnd = days[days.length - 1].day + SLOTS * HOUR_MS;
  for (const [id, buckets] of assemble(found, days, days[0].day, runEnd, figures)) {
    cache?.setRun(id, sig, buckets);
    out.set(id, within(buckets, from, to));
  }
  for (const [id, b] of out) if (b.n === 0) out.delete(id);
  return out;
}

const within = (b: Buckets, from: number, to: number) =>
  sliceBuckets(b, firstAtOrAfter(b, from), firstAtOrAfter(b, to));

/** Packed rows of these series and days by binary COPY (PGlite: a plain query), `mask`'s figures. */
async function fetchEntries(sql: Sql, ids: string[], days: number[], mask: number) {
  const read = PACKED.map((f, i) => ({ f, i })).filter(({ i }) => mask & (1 << i));
  const select = `SELECT series_id, day, ${read.map(({ f }) => COLUMNS[f]).join(", ")}
                    FROM series.metric_rollup_days
                   WHERE series_id = ANY(${int8ArrayLiteral(ids)}) AND day = ANY(${timestampArrayLiteral(days)})`;
  let rows: { id: string; day: number; column: (c: number, target: Uint8Array, at: number) => void }[];
  if (sql.copyOut) {
    const buf = await sql.copyOut(`COPY (${select}) TO STDOUT (FORMAT binary)`);
    const { rows: n, fields, start, view } = parseCopyBinary(buf);
    rows = Array.from({ length: n }, (_, r) => ({
      id: String(int8At(view, start[r * fields])),
      day: timestampAt(view, start[r * fields + 1]),
      column: (c, target, at) => buf.copy(target, at, start[r * fields + 2 + c], start[r * fields + 2 + c] + SLOTS * 8),
    }));
  } else {
    const { rows: result } = await sql.query<Record<string, unknown>>(
      select.replace(
        "SELECT series_id, day",
        "SELECT series_id::text AS id, (extract(epoch FROM day) * 1000)::float8 AS ms",
      ),
    );
    rows = result.map((r) => ({
      id: String(r.id),
      day: Number(r.ms),
      column: (c, target, at) => target.set(r[COLUMNS[read[c].f]] as Uint8Array, at),
    }));
  }
  // Every row's figures in one array, big-endian bytes swapped once.
  const values = new Float64Array(rows.length * ENTRY_FIGURES);
  const bytes = new Uint8Array(values.buffer);
  rows.forEach((r, n) => read.forEach(({ i }, c) => r.column(c, bytes, (n * ENTRY_FIGURES + i * SLOTS) * 8)));
  if (LITTLE_ENDIAN) Buffer.from(values.buffer).swap64();
  const entries = new Map<string, { values: Float64Array; mask: number }>();
  const readMask = read.reduce((m, { i }) => m | (1 << i), 0);
  rows.forEach((r, n) =>
    entries.set(`${r.id}:${r.day}`, {
      values: values.subarray(n * ENTRY_FIGURES, (n + 1) * ENTRY_FIGURES),
      mask: readMask,
    }),
  );
  return entries;
}

/** Each series' buckets in time order (maybe none): the non-empty hours of its days within [from, to). */
function assemble(
  found: Map<string, (Entry | undefined)[]>,
  days: BuiltDay[],
  from: number,
  to: number,
  figures: readonly BucketFigure[],
): Map<string, Buckets> {
  const copied = PACKED.map((f, i) => ({ f, offset: i * SLOTS })).filter(
    ({ f }) => f === "count" || figures.includes(f),
  );
  const countAt = PACKED.indexOf("count") * SLOTS;
  // One set of columns for every series (see joinBuckets), each series a slice of it.
  const all = emptyBuckets(found.size * days.length * SLOTS, ["t", ...copied.map((c) => c.f)]);
  const columns = copied.map(({ f }) => all[f]);
  const offsets = copied.map(({ offset }) => offset);
  const out = new Map<string, Buckets>();
  for (const [id, entries] of found) {
    const first = all.n;
    for (let i = 0; i < entries.length; i++) {
      const v = entries[i]!.values;
      const day = days[i].day;
      if (day >= from && day + SLOTS * HOUR_MS <= to && !v.subarray(countAt, countAt + SLOTS).includes(0)) {
        // A whole day with every hour: its figures copied as they are.
        for (let slot = 0; slot < SLOTS; slot++) all.t[all.n + slot] = day + slot * HOUR_MS;
        for (let c = 0; c < columns.length; c++) columns[c].set(v.subarray(offsets[c], offsets[c] + SLOTS), all.n);
        all.n += SLOTS;
        continue;
      }
      for (let slot = 0; slot < SLOTS; slot++) {
        const t = day + slot * HOUR_MS;
        if (t < from || t >= to || v[countAt + slot] === 0) continue;
        all.t[all.n] = t;
        for (let c = 0; c < columns.length; c++) columns[c][all.n] = v[offsets[c] + slot];
        all.n++;
      }
    }
    out.set(id, sliceBuckets(all, first, all.n));
  }
  return out;
}
