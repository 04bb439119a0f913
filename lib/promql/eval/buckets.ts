// Range functions answered from rollup buckets instead of raw samples (pure). A bucket
// summarises the samples in [t, t + size): the same figures the rollup tables store. Buckets
// are kept in columns (one Float64Array per figure): a 30-day query holds hundreds of
// thousands of them, and objects per bucket cost more than the arithmetic.
import { extrapolate, type WindowSummary } from "./range-functions";
import type { Columns, Labels } from "./types";

export const BUCKET_FIGURES = [
  "t",
  "count",
  "sum",
  "min",
  "max",
  "firstT",
  "firstV",
  "lastT",
  "lastV",
  /** Counter increase between consecutive samples inside the bucket (a drop adds the new value). */
  "increase",
] as const;
export type BucketFigure = (typeof BUCKET_FIGURES)[number];
/** Buckets in time order, column by column; `n` of each column's entries are used. */
export type Buckets = { n: number } & Record<BucketFigure, Float64Array>;
export type BucketSeries = { labels: Labels; buckets: Buckets };

/** A column never read: figures a function does not need are not loaded. */
export const NO_VALUES = new Float64Array(0);

/** Room for `capacity` buckets of the given figures (the others empty). */
export function emptyBuckets(capacity: number, figures: readonly BucketFigure[] = BUCKET_FIGURES): Buckets {
  const out = { n: 0 } as Buckets;
  for (const f of BUCKET_FIGURES) out[f] = figures.includes(f) ? new Float64Array(capacity) : NO_VALUES;
  return out;
}

/** Buckets from..to-1 of `b`, sharing its columns. */
export function sliceBuckets(b: Buckets, from: number, to: number): Buckets {
  const out = { n: to - from } as Buckets;
  for (const f of BUCKET_FIGURES) out[f] = b[f].length ? b[f].subarray(from, to) : NO_VALUES;
  return out;
}

/**
 * Per series, its parts (in time order, from `parts` in order) as one run of buckets with
 * the given figures. Series with several parts are copied into columns shared by all of
 * them: one allocation per figure, not one per series (allocations dominated 30-day reads).
 */
export function joinBuckets(
  parts: Map<string, Buckets>[],
  figures: readonly BucketFigure[] = BUCKET_FIGURES,
): Map<string, Buckets> {
  const out = new Map<string, Buckets>();
  const several = new Map<string, Buckets[]>();
  for (const part of parts) {
    for (const [id, b] of part) {
      if (b.n === 0) continue;
      const list = several.get(id) ?? [];
      list.push(b);
      several.set(id, list);
    }
  }
  let total = 0;
  for (const [id, list] of several) {
    if (list.length === 1) out.set(id, list[0]);
    else total += list.reduce((n, b) => n + b.n, 0);
  }
  if (total === 0) return out;
  const shared = emptyBuckets(total, figures);
  for (const [id, list] of several) {
    if (list.length === 1) continue;
    const start = shared.n;
    for (const b of list) {
      for (const f of figures) shared[f].set(b[f].subarray(0, b.n), shared.n);
      shared.n += b.n;
    }
    out.set(id, sliceBuckets(shared, start, shared.n));
  }
  return out;
}

/** The functions a window of whole buckets answers exactly (to the bucket boundaries). */
export const BUCKET_FUNCTIONS = new Set([
  "count_over_time",
  "sum_over_time",
  "avg_over_time",
  "min_over_time",
  "max_over_time",
  "last_over_time",
  "present_over_time",
  "rate",
  "increase",
  "delta",
]);

/** The figures each of them reads besides t, count and the first sample (see figuresFor). */
export const FIGURES_OF: Record<string, readonly BucketFigure[]> = {
  count_over_time: [],
  sum_over_time: ["sum"],
  avg_over_time: ["sum"],
  min_over_time: ["min"],
  max_over_time: ["max"],
  last_over_time: ["lastV"],
  present_over_time: [],
  rate: ["lastT", "lastV", "increase"],
  increase: ["lastT", "lastV", "increase"],
  delta: ["lastT", "lastV"],
};

/** Every figure evaluating `func` over bucket windows reads: a window's closed end may need a first sample. */
export const figuresFor = (func: string | undefined): readonly BucketFigure[] =>
  func && FIGURES_OF[func] ? ["t", "count", "firstT", "firstV", ...FIGURES_OF[func]] : BUCKET_FIGURES;

const counterStep = (prev: number, v: number) => (v >= prev ? v - prev : v);
// Prometheus' min/max_over_time skip NaN unless every value is NaN (as the rollup SQL does).
const minSkippingNaN = (acc: number, v: number) => (Number.isNaN(acc) ? v : Number.isNaN(v) ? acc : Math.min(acc, v));
const maxSkippingNaN = (acc: number, v: number) => (Number.isNaN(acc) ? v : Number.isNaN(v) ? acc : Math.max(acc, v));

/** Raw samples (sorted by time) to buckets of `sizeMs`, as the rollup job computes them. */
export function bucketize({ t: times, v: values }: Columns, sizeMs: number): Buckets {
  const out = emptyBuckets(times.length);
  let i = -1;
  for (let p = 0; p < times.length; p++) {
    const [time, v] = [times[p], values[p]];
    const t = Math.floor(time / sizeMs) * sizeMs;
    if (i < 0 || out.t[i] !== t) {
      i++;
      out.t[i] = t;
      out.min[i] = out.max[i] = out.firstV[i] = out.lastV[i] = v;
      out.firstT[i] = out.lastT[i] = time;
    } else {
      out.increase[i] += counterStep(out.lastV[i], v);
      out.min[i] = minSkippingNaN(out.min[i], v);
      out.max[i] = maxSkippingNaN(out.max[i], v);
      out.lastT[i] = time;
      out.lastV[i] = v;
    }
    out.count[i]++;
    out.sum[i] += v;
  }
  out.n = i + 1;
  return out;
}

/** Binary search: the index of the first bucket starting at or after t. */
export function firstAtOrAfter(b: Buckets, t: number): number {
  let [lo, hi] = [0, b.n];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.t[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The window [from, to] (Prometheus 2.42 closes both ends) over buckets aligned to it: the
 * buckets lo..hi-1 starting in [from, to), plus `edge`, the value of a sample lying exactly
 * at `to` — the first sample of the bucket starting there — when there is one.
 */
export type BucketWindow = { lo: number; hi: number; edge?: number };

export function bucketWindow(b: Buckets, from: number, to: number): BucketWindow {
  const lo = firstAtOrAfter(b, from);
  const hi = firstAtOrAfter(b, to);
  return { lo, hi, edge: edgeSample(b, hi, to) };
}

/** The value of a sample lying exactly at `to`, when bucket `hi` (the first starting at or after `to`) starts with one. */
export const edgeSample = (b: Buckets, hi: number, to: number) =>
  hi < b.n && b.t[hi] === to && b.firstT[hi] === to ? b.firstV[hi] : undefined;

export const isEmptyWindow = (w: BucketWindow) => w.lo === w.hi && w.edge === undefined;

// Filled by summary() for the extrapolation that follows at once (evaluation is synchronous):
// one object for the hundreds of thousands of windows of a long range.
const scratch: WindowSummary = { count: 0, firstT: 0, firstV: 0, lastT: 0, lastV: 0, delta: 0 };

function summary(b: Buckets, { lo, hi, edge }: BucketWindow, to: number, isCounter: boolean): WindowSummary {
  let count = 0;
  let delta = 0;
  for (let i = lo; i < hi; i++) {
    count += b.count[i];
    if (isCounter) delta += b.increase[i] + (i > lo ? counterStep(b.lastV[i - 1], b.firstV[i]) : 0);
  }
  const some = lo < hi;
  scratch.firstT = some ? b.firstT[lo] : to;
  scratch.firstV = some ? b.firstV[lo] : (edge as number);
  scratch.lastT = some ? b.lastT[hi - 1] : to;
  scratch.lastV = some ? b.lastV[hi - 1] : (edge as number);
  if (edge !== undefined) {
    count++;
    if (isCounter && some) delta += counterStep(scratch.lastV, edge);
    scratch.lastT = to;
    scratch.lastV = edge;
  }
  scratch.count = count;
  scratch.delta = isCounter ? delta : scratch.lastV - scratch.firstV;
  return scratch;
}

/** Folds one figure over the window's buckets, the edge sample (value `edge`) last. */
function fold(b: Buckets, w: BucketWindow, column: Float64Array, f: (acc: number, v: number) => number): number {
  let acc = w.lo < w.hi ? column[w.lo] : (w.edge as number);
  for (let i = w.lo + 1; i < w.hi; i++) acc = f(acc, column[i]);
  return w.edge !== undefined && w.lo < w.hi ? f(acc, w.edge) : acc;
}
const plus = (a: number, v: number) => a + v;

type BucketFn = (b: Buckets, w: BucketWindow, rangeStart: number, rangeEnd: number) => number | undefined;
const rateLike =
  (isCounter: boolean, isRate: boolean): BucketFn =>
  (b, w, rangeStart, rangeEnd) =>
    extrapolate(summary(b, w, rangeEnd, isCounter), rangeStart, rangeEnd, isCounter, isRate);

/** Each BUCKET_FUNCTIONS function over one non-empty window [rangeStart, rangeEnd]. */
export const BUCKET_FN: Record<string, BucketFn> = {
  count_over_time: (b, w) => countOf(b, w),
  sum_over_time: (b, w) => fold(b, w, b.sum, plus),
  avg_over_time: (b, w) => fold(b, w, b.sum, plus) / countOf(b, w),
  min_over_time: (b, w) => fold(b, w, b.min, minSkippingNaN),
  max_over_time: (b, w) => fold(b, w, b.max, maxSkippingNaN),
  last_over_time: (b, w) => w.edge ?? b.lastV[w.hi - 1],
  present_over_time: () => 1,
  rate: rateLike(true, true),
  increase: rateLike(true, false),
  delta: rateLike(false, false),
};

function countOf(b: Buckets, w: BucketWindow): number {
  let n = w.edge !== undefined ? 1 : 0;
  for (let i = w.lo; i < w.hi; i++) n += b.count[i];
  return n;
}
