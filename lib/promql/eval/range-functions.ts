// Functions over a range of samples (pure), following Prometheus 2.42's promql/functions.go.
// A window is samples lo..hi-1 of a series' columns (see Columns in types.ts).
import type { Columns } from "./types";

/**
 * rate/increase/delta with Prometheus' extrapolation: the sampled interval is stretched
 * towards the range boundaries (at most half an average sample gap beyond the data, and
 * for counters never below zero), then rate divides by the range.
 */
export function extrapolatedRate(
  { t, v }: Columns,
  lo: number,
  hi: number,
  rangeStart: number,
  rangeEnd: number,
  isCounter: boolean,
  isRate: boolean,
): number | undefined {
  if (hi - lo < 2) return undefined;
  let delta = v[hi - 1] - v[lo];
  if (isCounter) {
    for (let i = lo + 1; i < hi; i++) if (v[i] < v[i - 1]) delta += v[i - 1];
  }
  // One object for every window (evaluation is synchronous): a range query has hundreds of thousands.
  scratch.count = hi - lo;
  scratch.firstT = t[lo];
  scratch.firstV = v[lo];
  scratch.lastT = t[hi - 1];
  scratch.lastV = v[hi - 1];
  scratch.delta = delta;
  return extrapolate(scratch, rangeStart, rangeEnd, isCounter, isRate);
}

/** What Prometheus' extrapolation needs from a window: raw samples and rollup buckets both give it. */
export type WindowSummary = {
  count: number;
  firstT: number;
  firstV: number;
  lastT: number;
  lastV: number;
  delta: number;
};

const scratch: WindowSummary = { count: 0, firstT: 0, firstV: 0, lastT: 0, lastV: 0, delta: 0 };

/** Prometheus 2.42's extrapolatedRate from a window summary (delta counts counter resets). */
export function extrapolate(
  w: WindowSummary,
  rangeStart: number,
  rangeEnd: number,
  isCounter: boolean,
  isRate: boolean,
): number | undefined {
  if (w.count < 2) return undefined;
  let result = w.delta;
  let durationToStart = (w.firstT - rangeStart) / 1000;
  const durationToEnd = (rangeEnd - w.lastT) / 1000;
  const sampledInterval = (w.lastT - w.firstT) / 1000;
  const averageGap = sampledInterval / (w.count - 1);
  if (isCounter && result > 0 && w.firstV >= 0) {
    const durationToZero = sampledInterval * (w.firstV / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = averageGap * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : averageGap / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : averageGap / 2;
  result *= extrapolateTo / sampledInterval;
  if (isRate) result /= (rangeEnd - rangeStart) / 1000;
  return result;
}

/** irate (per second, counter-aware) and idelta from the window's last two samples. */
export function instantDelta({ t, v }: Columns, lo: number, hi: number, isRate: boolean): number | undefined {
  if (hi - lo < 2) return undefined;
  const [last, prev] = [v[hi - 1], v[hi - 2]];
  let result = isRate && last < prev ? last : last - prev;
  if (isRate) {
    const seconds = (t[hi - 1] - t[hi - 2]) / 1000;
    if (seconds === 0) return undefined;
    result /= seconds;
  }
  return result;
}

/** Least-squares slope and intercept at `at` (seconds relative to `at`), as deriv/predict_linear use. */
export function linearRegression(
  { t, v }: Columns,
  lo: number,
  hi: number,
  at: number,
): { slope: number; intercept: number } {
  let n = 0,
    sumX = 0,
    sumY = 0,
    sumXY = 0,
    sumX2 = 0;
  let constY = true;
  const y0 = v[lo];
  for (let i = lo; i < hi; i++) {
    const x = (t[i] - at) / 1000;
    n++;
    sumX += x;
    sumY += v[i];
    sumXY += x * v[i];
    sumX2 += x * x;
    if (v[i] !== y0) constY = false;
  }
  if (constY) return { slope: 0, intercept: Number.isFinite(y0) ? y0 : NaN };
  const covXY = sumXY - (sumX * sumY) / n;
  const varX = sumX2 - (sumX * sumX) / n;
  const slope = covXY / varX;
  return { slope, intercept: sumY / n - (slope * sumX) / n };
}

/** The φ-quantile of values (Prometheus' quantile: linear interpolation between ranks). */
export function quantile(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(sorted.length - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return sorted[lower] * (1 - weight) + sorted[upper] * weight;
}

/** Population variance with Kahan-free running mean, as Prometheus' stdvar. */
export function variance(values: ArrayLike<number>, lo = 0, hi = values.length): number {
  let count = 0,
    mean = 0,
    aux = 0;
  for (let i = lo; i < hi; i++) {
    const v = values[i];
    count++;
    const delta = v - mean;
    mean += delta / count;
    aux += delta * (v - mean);
  }
  return aux / count;
}

/** The *_over_time functions (and changes, resets) over the values of window lo..hi-1 (non-empty). */
export const OVER_TIME: Record<string, (v: Float64Array, lo: number, hi: number) => number> = {
  avg_over_time: (v, lo, hi) => {
    let mean = 0;
    for (let i = lo; i < hi; i++) mean += (v[i] - mean) / (i - lo + 1);
    return mean;
  },
  min_over_time: (v, lo, hi) => {
    let min = NaN;
    for (let i = lo; i < hi; i++) if (Number.isNaN(min) || v[i] < min) min = v[i];
    return min;
  },
  max_over_time: (v, lo, hi) => {
    let max = NaN;
    for (let i = lo; i < hi; i++) if (Number.isNaN(max) || v[i] > max) max = v[i];
    return max;
  },
  sum_over_time: (v, lo, hi) => {
    let sum = 0;
    for (let i = lo; i < hi; i++) sum += v[i];
    return sum;
  },
  count_over_time: (_v, lo, hi) => hi - lo,
  last_over_time: (v, _lo, hi) => v[hi - 1],
  present_over_time: () => 1,
  stddev_over_time: (v, lo, hi) => Math.sqrt(variance(v, lo, hi)),
  stdvar_over_time: (v, lo, hi) => variance(v, lo, hi),
  changes: (v, lo, hi) => {
    let n = 0;
    for (let i = lo + 1; i < hi; i++) if (v[i] !== v[i - 1] && !(Number.isNaN(v[i]) && Number.isNaN(v[i - 1]))) n++;
    return n;
  },
  resets: (v, lo, hi) => {
    let n = 0;
    for (let i = lo + 1; i < hi; i++) if (v[i] < v[i - 1]) n++;
    return n;
  },
};
