// Functions over a range of samples (pure), following Prometheus 2.42's promql/functions.go.
import type { Point } from "./types";

/**
 * rate/increase/delta with Prometheus' extrapolation: the sampled interval is stretched
 * towards the range boundaries (at most half an average sample gap beyond the data, and
 * for counters never below zero), then rate divides by the range. Over points[lo..hi-1].
 */
export function extrapolatedRate(
  points: Point[],
  rangeStart: number,
  rangeEnd: number,
  isCounter: boolean,
  isRate: boolean,
  lo = 0,
  hi = points.length,
): number | undefined {
  if (hi - lo < 2) return undefined;
  const first = points[lo];
  const last = points[hi - 1];
  let delta = last.v - first.v;
  if (isCounter) {
    for (let i = lo + 1; i < hi; i++) if (points[i].v < points[i - 1].v) delta += points[i - 1].v;
  }
  // One object for every window (evaluation is synchronous): a range query has hundreds of thousands.
  scratch.count = hi - lo;
  scratch.firstT = first.t;
  scratch.firstV = first.v;
  scratch.lastT = last.t;
  scratch.lastV = last.v;
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

/** irate (per second, counter-aware) and idelta from the last two samples. */
export function instantDelta(points: Point[], isRate: boolean): number | undefined {
  if (points.length < 2) return undefined;
  const last = points[points.length - 1];
  const prev = points[points.length - 2];
  let result = isRate && last.v < prev.v ? last.v : last.v - prev.v;
  if (isRate) {
    const seconds = (last.t - prev.t) / 1000;
    if (seconds === 0) return undefined;
    result /= seconds;
  }
  return result;
}

/** Least-squares slope and intercept at `at` (seconds relative to `at`), as deriv/predict_linear use. */
export function linearRegression(points: Point[], at: number): { slope: number; intercept: number } {
  let n = 0,
    sumX = 0,
    sumY = 0,
    sumXY = 0,
    sumX2 = 0;
  let constY = true;
  const y0 = points[0].v;
  for (const p of points) {
    const x = (p.t - at) / 1000;
    n++;
    sumX += x;
    sumY += p.v;
    sumXY += x * p.v;
    sumX2 += x * x;
    if (p.v !== y0) constY = false;
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
export function variance(values: number[]): number {
  let count = 0,
    mean = 0,
    aux = 0;
  for (const v of values) {
    count++;
    const delta = v - mean;
    mean += delta / count;
    aux += delta * (v - mean);
  }
  return aux / count;
}

export const OVER_TIME: Record<string, (points: Point[]) => number> = {
  avg_over_time: (p) => {
    let mean = 0;
    p.forEach((x, i) => (mean += (x.v - mean) / (i + 1)));
    return mean;
  },
  min_over_time: (p) => p.reduce((m, x) => (Number.isNaN(m) || x.v < m ? x.v : m), NaN),
  max_over_time: (p) => p.reduce((m, x) => (Number.isNaN(m) || x.v > m ? x.v : m), NaN),
  sum_over_time: (p) => p.reduce((s, x) => s + x.v, 0),
  count_over_time: (p) => p.length,
  last_over_time: (p) => p[p.length - 1].v,
  present_over_time: () => 1,
  stddev_over_time: (p) => Math.sqrt(variance(p.map((x) => x.v))),
  stdvar_over_time: (p) => variance(p.map((x) => x.v)),
  changes: (p) => p.slice(1).filter((x, i) => x.v !== p[i].v && !(Number.isNaN(x.v) && Number.isNaN(p[i].v))).length,
  resets: (p) => p.slice(1).filter((x, i) => x.v < p[i].v).length,
};
