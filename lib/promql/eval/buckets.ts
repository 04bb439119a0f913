// Range functions answered from rollup buckets instead of raw samples (pure). A bucket
// summarises the samples in [t, t + size): the same figures the rollup tables store.
import { extrapolate, type WindowSummary } from "./range-functions";
import type { Labels, Point } from "./types";

export type Bucket = {
  t: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  firstT: number;
  firstV: number;
  lastT: number;
  lastV: number;
  /** Counter increase between consecutive samples inside the bucket (a drop adds the new value). */
  increase: number;
};
export type BucketSeries = { labels: Labels; buckets: Bucket[] };

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

const counterStep = (prev: number, v: number) => (v >= prev ? v - prev : v);
// Prometheus' min/max_over_time skip NaN unless every value is NaN (as the rollup SQL does).
const nanSkipping = (pick: (a: number, b: number) => number) => (acc: number, v: number) =>
  Number.isNaN(acc) ? v : Number.isNaN(v) ? acc : pick(acc, v);

/** Raw samples (sorted by time) to buckets of `sizeMs`, as the rollup job computes them. */
export function bucketize(points: Point[], sizeMs: number): Bucket[] {
  const out: Bucket[] = [];
  let b: Bucket | undefined;
  for (const p of points) {
    const t = Math.floor(p.t / sizeMs) * sizeMs;
    if (!b || b.t !== t) {
      b = { t, count: 0, sum: 0, min: p.v, max: p.v, firstT: p.t, firstV: p.v, lastT: p.t, lastV: p.v, increase: 0 };
      out.push(b);
    } else {
      b.increase += counterStep(b.lastV, p.v);
      b.min = nanSkipping(Math.min)(b.min, p.v);
      b.max = nanSkipping(Math.max)(b.max, p.v);
      b.lastT = p.t;
      b.lastV = p.v;
    }
    b.count++;
    b.sum += p.v;
  }
  return out;
}

/** Binary search: the index of the first bucket starting at or after t. */
function firstAtOrAfter(buckets: Bucket[], t: number): number {
  let [lo, hi] = [0, buckets.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (buckets[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The window [from, to] (Prometheus 2.42 closes both ends) from buckets aligned to it: the
 * buckets starting in [from, to), plus a sample lying exactly at `to` — the first sample of
 * the bucket starting there, which its first time and value describe exactly.
 */
export function bucketWindow(buckets: Bucket[], from: number, to: number): Bucket[] {
  const lo = firstAtOrAfter(buckets, from);
  const hi = firstAtOrAfter(buckets, to);
  const window = buckets.slice(lo, hi);
  const next = buckets[hi];
  if (next && next.t === to && next.firstT === to) {
    const v = next.firstV;
    window.push({ t: to, count: 1, sum: v, min: v, max: v, firstT: to, firstV: v, lastT: to, lastV: v, increase: 0 });
  }
  return window;
}

function summary(buckets: Bucket[], isCounter: boolean): WindowSummary {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  let count = 0;
  let delta = 0;
  buckets.forEach((b, i) => {
    count += b.count;
    if (isCounter) delta += b.increase + (i > 0 ? counterStep(buckets[i - 1].lastV, b.firstV) : 0);
  });
  if (!isCounter) delta = last.lastV - first.firstV;
  return { count, firstT: first.firstT, firstV: first.firstV, lastT: last.lastT, lastV: last.lastV, delta };
}

/** A BUCKET_FUNCTIONS function over the (non-empty) buckets of one window [rangeStart, rangeEnd]. */
export function bucketFunction(name: string, buckets: Bucket[], rangeStart: number, rangeEnd: number) {
  switch (name) {
    case "count_over_time":
      return buckets.reduce((n, b) => n + b.count, 0);
    case "sum_over_time":
      return buckets.reduce((n, b) => n + b.sum, 0);
    case "avg_over_time":
      return buckets.reduce((n, b) => n + b.sum, 0) / buckets.reduce((n, b) => n + b.count, 0);
    case "min_over_time":
      return buckets.map((b) => b.min).reduce(nanSkipping(Math.min));
    case "max_over_time":
      return buckets.map((b) => b.max).reduce(nanSkipping(Math.max));
    case "last_over_time":
      return buckets[buckets.length - 1].lastV;
    case "present_over_time":
      return 1;
    case "rate":
    case "increase":
    case "delta":
      return extrapolate(summary(buckets, name !== "delta"), rangeStart, rangeEnd, name !== "delta", name === "rate");
  }
  return undefined;
}
