// Loads the data a query needs from the series tables. Evaluation is synchronous, so a
// first dry run records which selectors need which time windows (raw samples, or rollup
// buckets where the planner chose them); they are then read from SQL and the real run
// reads memory. Rollups are read up to the rollup watermark (days' packed hours from their
// packed rows, see rollup-day-reader.ts, then hour rows) and computed from raw samples
// after it, so a live range gets exact buckets without waiting for the rollup job. Samples
// and packed days come by binary COPY where the driver streams it.
import type { TenantContext } from "@/lib/auth/tenant";
import { readDays } from "@/lib/series/rollup-day-reader";
import { builtDays, DAY_MS, dayOf, HOUR_MS, type BuiltDay } from "@/lib/series/rollup-days";
import { RESOLUTIONS, rollupWatermark } from "@/lib/series/rollups";
import {
  float8At,
  int4At,
  int8ArrayLiteral,
  int8At,
  parseCopyBinary,
  timestampAt,
  timestampLiteral,
} from "@/lib/db/copy-binary";
import type { SeriesDb } from "@/lib/series/series-db";
import type { Expr } from "./ast";
import {
  BUCKET_FIGURES,
  bucketize,
  emptyBuckets,
  figuresFor,
  joinBuckets,
  sliceBuckets,
  type Buckets,
  type BucketSeries,
} from "./eval/buckets";
import { Evaluator, type EvalOptions } from "./eval/evaluator";
import { ColumnSeries, PromQLExecutionError, PromQLTimeoutError, type Series, type Storage } from "./eval/types";
import { bySeries, SampleRows } from "./sample-columns";
import { selectSeries, type SelectedSeries } from "./select-series";
import type { Matcher } from "./selector";

type Want = { matchers: Matcher[]; mint: number; maxt: number; resolutionMs?: number; func?: string };
type Budget = EvalOptions & { maxSeries?: number };

const keyOf = (w: Want) => JSON.stringify([w.matchers, w.mint, w.maxt, w.resolutionMs ?? 0, w.func ?? ""]);
const iso = (ms: number) => new Date(ms).toISOString();
const tableOf = (size: number) => RESOLUTIONS.find((r) => r.ms === size)!.table;

class Loader {
  private samples = 0;
  private watermark: Promise<number | null> | undefined;

  constructor(
    private readonly tenant: TenantContext,
    private readonly db: SeriesDb,
    private readonly opts: Budget,
  ) {}

  private async series(matchers: Matcher[]): Promise<SelectedSeries[]> {
    if (this.opts.deadline && Date.now() > this.opts.deadline) throw new PromQLTimeoutError("query preparation");
    return selectSeries(this.tenant, this.db, matchers, { limit: this.opts.maxSeries ?? 50_000 });
  }

  private count(n: number) {
    this.samples += n;
    if (this.samples > (this.opts.maxSamples ?? 50_000_000))
      throw new PromQLExecutionError("query processing would load too many samples into memory in query execution");
  }

  /** Rows as arrays (no per-row objects: long ranges return hundreds of thousands), counted against the budget. */
  private async rows(text: string, values: unknown[]): Promise<string[][]> {
    const sql = this.db.sql;
    const rows = sql.queryArrays
      ? await sql.queryArrays(text, values)
      : (await sql.query(text, values)).rows.map((r) => Object.values(r));
    this.count(rows.length);
    return rows as string[][];
  }

  /**
   * Raw samples of each series in `ids` with from < t <= to (from <= t when `closedStart`), and
   * with `markers` the staleness markers in (from, to] too, in the same statement (value NULL):
   * columns[i] and stale[i] are ids[i]'s.
   */
  private async points(ids: string[], from: number, to: number, opts: { closedStart?: boolean; markers?: boolean }) {
    // No ORDER BY: sorting in SQL cost more than the scan. Rows come in storage order, which
    // is time order for samples written as they happen; bySeries puts each series in order.
    const select = (ids: string, from: string, to: string, time: string) => {
      const within = `series_id = ANY(${ids}) AND time > ${from} AND time <= ${to}`;
      const samples = `SELECT series_id, ${time}, value FROM series.metric_samples
                        WHERE ${opts.closedStart ? within.replace("time >", "time >=") : within}`;
      const markers = `SELECT series_id, ${time}, NULL::float8 FROM series.metric_stale_markers WHERE ${within}`;
      return `${samples}${opts.markers ? ` UNION ALL ${markers}` : ""}`;
    };
    // Each row's series as its index in `ids`.
    const index = new Map(ids.map((id, i) => [Number(id), i]));
    const indexOf = (id: number) => index.get(id) ?? fail(`read a sample of series ${id}, which was not asked for`);
    let rows: SampleRows;
    const copyOut = this.db.sql.copyOut;
    if (copyOut) {
      // Binary COPY: no number turned into text and back.
      const sql = select(int8ArrayLiteral(ids), timestampLiteral(from), timestampLiteral(to), "time");
      const buf = await copyOut(`COPY (${sql}) TO STDOUT (FORMAT binary)`);
      const { rows: n, start, length, view } = parseCopyBinary(buf);
      this.count(n);
      rows = new SampleRows(n, ids.length);
      for (let r = 0, f = 0; r < n; r++, f += 3) {
        rows.series[r] = indexOf(int8At(view, start[f]));
        // Prometheus' times are whole milliseconds (OTLP's nanoseconds are cut, as the text path floors).
        rows.t[r] = Math.floor(timestampAt(view, start[f + 1]));
        if (length[f + 2] < 0) rows.marker[r] = 1;
        else rows.v[r] = float8At(view, start[f + 2]);
      }
    } else {
      const time = "floor(extract(epoch FROM time) * 1000)::float8";
      const read = await this.rows(select("$1::int8[]", "$2", "$3", time), [ids, iso(from), iso(to)]);
      rows = new SampleRows(read.length, ids.length);
      read.forEach(([id, t, v], r) => {
        [rows.series[r], rows.t[r]] = [indexOf(Number(id)), Number(t)];
        if (v === null) rows.marker[r] = 1;
        else rows.v[r] = Number(v);
      });
    }
    return bySeries(rows);
  }

  async raw(w: Want): Promise<Series[]> {
    const series = await this.series(w.matchers);
    const ids = series.map((s) => s.id.toString());
    const { columns, stale } = await this.points(ids, w.mint, w.maxt, { markers: true });
    return series.flatMap((s, i) => (columns[i] ? [new ColumnSeries(s.labels, columns[i], stale[i])] : []));
  }

  /**
   * Buckets starting in [mint, maxt]: before the watermark, hour buckets of built days from
   * their packed rows and the rest from rollup rows; after it, raw samples bucketed here.
   */
  async buckets(w: Want & { resolutionMs: number }): Promise<BucketSeries[]> {
    const size = w.resolutionMs;
    const upper = w.maxt + size;
    this.watermark ??= rollupWatermark(this.db.sql);
    // Three independent reads at once: one round trip of waiting instead of three.
    const [series, pending, built] = await Promise.all([
      this.series(w.matchers),
      this.watermark,
      size === HOUR_MS ? builtDays(this.db.sql, dayOf(w.mint), upper) : [],
    ]);
    const ids = series.map((s) => s.id.toString());
    // Buckets before `final` hold every sample they will hold (none of their minutes pending).
    const final = pending === null ? Infinity : Math.floor(pending / size) * size;
    const split = Math.max(w.mint, Math.min(upper, final));
    const days = packedRun(built, w.mint, split, final);
    const daysEnd = days.length ? Math.max(w.mint, Math.min(split, days[days.length - 1].until)) : w.mint;
    const figures = figuresFor(w.func);
    const parts = [
      days.length ? await readDays(this.db.sql, ids, days, w.mint, daysEnd, figures) : new Map<string, Buckets>(),
    ];
    if (daysEnd < split) parts.push(await this.rollupRows(ids, size, daysEnd, split));
    if (split < upper) {
      // The tail the rollup job has not reached yet: whole buckets from raw samples.
      const { columns: tail } = await this.points(ids, split, upper - 1, { closedStart: true });
      parts.push(new Map(ids.flatMap((id, i) => (tail[i] ? [[id, bucketize(tail[i], size)]] : []))));
    }
    for (const b of parts[0].values()) this.count(b.n); // the other parts counted as rows
    const byId = joinBuckets(parts, figures);
    return series
      .map((s) => ({ labels: s.labels, buckets: byId.get(s.id.toString()) }))
      .filter((s): s is BucketSeries => s.buckets !== undefined);
  }

  /** Rollup rows (one per series and bucket) starting in [from, to). */
  private async rollupRows(ids: string[], size: number, from: number, to: number): Promise<Map<string, Buckets>> {
    // One set of columns for all series (see joinBuckets), written row by row, each series
    // a slice of it; seriesOf[r] is row r's series.
    let all: Buckets;
    let seriesOf: Float64Array;
    const copyOut = this.db.sql.copyOut;
    if (copyOut) {
      const buf = await copyOut(
        `COPY (SELECT series_id, time, count, sum, min, max, first_time, first_value, last_time, last_value, increase
                 FROM ${tableOf(size)}
                WHERE series_id = ANY(${int8ArrayLiteral(ids)}) AND time >= ${timestampLiteral(from)}
                  AND time < ${timestampLiteral(to)}
                ORDER BY series_id, time) TO STDOUT (FORMAT binary)`,
      );
      const { rows, start: at, view } = parseCopyBinary(buf);
      this.count(rows);
      all = emptyBuckets(rows);
      seriesOf = new Float64Array(rows);
      const float = (field: number) => float8At(view, at[field]);
      for (let r = 0, f = 0; r < rows; r++, f += 11) {
        seriesOf[r] = int8At(view, at[f]);
        all.t[r] = timestampAt(view, at[f + 1]);
        all.count[r] = int4At(view, at[f + 2]);
        all.sum[r] = float(f + 3);
        all.min[r] = float(f + 4);
        all.max[r] = float(f + 5);
        all.firstT[r] = timestampAt(view, at[f + 6]);
        all.firstV[r] = float(f + 7);
        all.lastT[r] = timestampAt(view, at[f + 8]);
        all.lastV[r] = float(f + 9);
        all.increase[r] = float(f + 10);
      }
      all.n = rows;
    } else {
      // Every column named: drivers without array rows return objects, whose keys must be distinct.
      const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8 AS ${column}_ms`;
      const rows = await this.rows(
        `SELECT series_id, ${ms("time")}, count, sum, min, max, ${ms("first_time")}, first_value,
                ${ms("last_time")}, last_value, increase
           FROM ${tableOf(size)}
          WHERE series_id = ANY($1::int8[]) AND time >= $2 AND time < $3
          ORDER BY series_id, time`,
        [ids, iso(from), iso(to)],
      );
      all = emptyBuckets(rows.length);
      seriesOf = new Float64Array(rows.length);
      rows.forEach((row, r) => {
        seriesOf[r] = Number(row[0]);
        // The columns after series_id are selected in BUCKET_FIGURES' order.
        BUCKET_FIGURES.forEach((figure, i) => (all[figure][r] = Number(row[i + 1])));
      });
      all.n = rows.length;
    }
    const byId = new Map<string, Buckets>();
    for (let r = 1, first = 0; r <= all.n; r++) {
      if (r < all.n && seriesOf[r] === seriesOf[first]) continue;
      byId.set(String(seriesOf[first]), sliceBuckets(all, first, r));
      first = r;
    }
    return byId;
  }
}

/**
 * The run of built (packed) days from mint's day on that start before `split`, each with
 * its packed hours final (ending by `final`); a partly packed day ends the run.
 */
function fail(message: string): never {
  throw new Error(message);
}

function packedRun(built: BuiltDay[], mint: number, split: number, final: number): BuiltDay[] {
  const run: BuiltDay[] = [];
  for (const d of built) {
    if (d.day !== dayOf(mint) + run.length * DAY_MS || d.day >= split || d.until > final) break;
    run.push(d);
    if (d.until < d.day + DAY_MS) break;
  }
  return run;
}

/** Returns an evaluator whose storage already holds everything `expr` will read. */
export async function prepareEvaluator(
  tenant: TenantContext,
  db: SeriesDb,
  expr: Expr,
  opts: Budget,
): Promise<Evaluator> {
  const wanted: Want[] = [];
  const recorder: Storage = {
    select: (matchers, mint, maxt) => (wanted.push({ matchers, mint, maxt }), []),
    selectBuckets: (matchers, mint, maxt, resolutionMs, func) => (
      wanted.push({ matchers, mint, maxt, resolutionMs, func }),
      []
    ),
  };
  // A dry run records every read; step by step, since an instant query may return a matrix.
  const probe = new Evaluator(recorder, opts);
  for (let t = opts.start; t <= opts.end; t += opts.step) probe.at(expr, t);

  const loader = new Loader(tenant, db, opts);
  const raw = new Map<string, Series[]>();
  const buckets = new Map<string, BucketSeries[]>();
  for (const w of wanted) {
    const key = keyOf(w);
    if (w.resolutionMs) {
      if (!buckets.has(key)) buckets.set(key, await loader.buckets({ ...w, resolutionMs: w.resolutionMs }));
    } else if (!raw.has(key)) raw.set(key, await loader.raw(w));
  }
  return new Evaluator(
    {
      select: (matchers, mint, maxt) => raw.get(keyOf({ matchers, mint, maxt })) ?? [],
      selectBuckets: (matchers, mint, maxt, resolutionMs, func) =>
        buckets.get(keyOf({ matchers, mint, maxt, resolutionMs, func })) ?? [],
    },
    opts,
  );
}
