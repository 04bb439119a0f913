// Values PromQL evaluates to, in milliseconds and float64 (histograms not yet).
export type Labels = Record<string, string>;
export type Point = { t: number; v: number };
/**
 * A series of raw samples, as storage returns it; `stale` holds its staleness markers' times,
 * sorted. Storage may hand the samples over as `columns` too (see ColumnSeries).
 */
export type Series = { labels: Labels; points: Point[]; stale?: number[]; columns?: Columns };
/** Sample times and values in two arrays, in time order: a window is a range lo..hi-1 of them. */
export type Columns = { t: Float64Array; v: Float64Array };

/**
 * A series read as columns. Range sweeps read the columns; `points`, for the step-by-step
 * path, are built on first use (a point object per sample cost more than the arithmetic).
 */
export class ColumnSeries implements Series {
  private built: Point[] | undefined;
  constructor(
    readonly labels: Labels,
    readonly columns: Columns,
    readonly stale?: number[],
  ) {}
  get points(): Point[] {
    const { t, v } = this.columns;
    return (this.built ??= Array.from(t, (time, i) => ({ t: time, v: v[i] })));
  }
}

/** How many samples a series holds, without building its points. */
export const sampleCount = (s: Series) => (s.columns ? s.columns.t.length : s.points.length);

const SCRATCH_MAX = 4096;
const scratch: Columns = { t: new Float64Array(SCRATCH_MAX), v: new Float64Array(SCRATCH_MAX) };

/**
 * Points as columns. Up to SCRATCH_MAX points they are written into arrays the next call
 * reuses: evaluation is synchronous and window functions keep nothing, so each window costs
 * no allocation.
 */
export function columnsOf(points: Point[]): Columns {
  const out =
    points.length <= SCRATCH_MAX ? scratch : { t: new Float64Array(points.length), v: new Float64Array(points.length) };
  for (let i = 0; i < points.length; i++) {
    out.t[i] = points[i].t;
    out.v[i] = points[i].v;
  }
  return out;
}

/** One element of an instant vector. */
export type Sample = { labels: Labels; t: number; v: number };

/** Reads raw samples for the series matching `matchers` with mint < t <= maxt, sorted by time. */
export interface Storage {
  select(matchers: import("../selector").Matcher[], mint: number, maxt: number): Series[];
  /** Rollup buckets of `resolutionMs` starting in [mint, maxt]; storages without rollups leave it out. */
  selectBuckets?(
    matchers: import("../selector").Matcher[],
    mint: number,
    maxt: number,
    resolutionMs: number,
    /** The range function the buckets are for: storage may read only the figures it needs. */
    func?: string,
  ): import("./buckets").BucketSeries[];
}

export class PromQLExecutionError extends Error {
  readonly errorType = "execution";
}

/** The query ran past its time budget (Prometheus' errorType "timeout", HTTP 503). */
export class PromQLTimeoutError extends Error {
  readonly errorType = "timeout";
  constructor(where: string) {
    super(`query timed out in ${where}`);
  }
}

// Label sets from storage keep their identity from step to step, so the derived values
// the evaluator needs at every step (identity, name dropped) are computed once per object.
// Callers never mutate a label set they did not create.
const signatures = new WeakMap<Labels, string>();

/** Prometheus' identity of a label set: sorted name/value pairs (optionally only / without some names). */
export function signature(labels: Labels, only?: string[], without?: string[]): string {
  const whole = !only && !without?.length;
  if (whole) {
    const cached = signatures.get(labels);
    if (cached !== undefined) return cached;
  }
  const names = Object.keys(labels)
    .filter((k) => (only ? only.includes(k) : !(without ?? []).includes(k)))
    .sort();
  const key = JSON.stringify(names.map((k) => [k, labels[k]]));
  if (whole) signatures.set(labels, key);
  return key;
}

const namesInOrder = new WeakMap<Labels, string[]>();
const sortedNames = (labels: Labels) => {
  let names = namesInOrder.get(labels);
  if (!names) namesInOrder.set(labels, (names = Object.keys(labels).sort()));
  return names;
};

/** Prometheus' labels.Compare: label by label in name order, then by count. */
export function compareLabels(a: Labels, b: Labels): number {
  const ka = sortedNames(a);
  const kb = sortedNames(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    const [va, vb] = [a[ka[i]], b[kb[i]]];
    if (va !== vb) return va < vb ? -1 : 1;
  }
  return ka.length - kb.length;
}

const withoutName = new WeakMap<Labels, Labels>();

/** The label set without __name__ (the same object each time for the same input; do not mutate it). */
export const dropName = (labels: Labels): Labels => {
  let out = withoutName.get(labels);
  if (!out) {
    const { __name__: _drop, ...rest } = labels;
    out = rest;
    withoutName.set(labels, out);
  }
  return out;
};
