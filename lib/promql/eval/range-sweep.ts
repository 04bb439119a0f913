// Range queries of `f(sel[R])` and `agg by (…) (f(sel[R]))` evaluated series by series
// across all steps instead of step by step: the shape of most dashboard panels (a 30-day
// panel at 1 h is 720 steps × 1,000 series), where the step-by-step path spends more on
// per-step objects than on arithmetic. Windows come from rollup buckets or raw points;
// the values are the step-by-step path's: the same window arithmetic, and aggregation in
// the same series order.
import type { Expr } from "../ast";
import { cachedGroupLabels } from "./aggregate";
import { BUCKET_FN, edgeSample, isEmptyWindow, type BucketSeries, type BucketWindow } from "./buckets";
import { WINDOW_FUNCTIONS } from "./call";
import type { Evaluator, RangeResult } from "./evaluator";
import { columnsOf, dropName, PromQLTimeoutError, sampleCount, signature, type Labels, type Series } from "./types";

type Aggregate = Extract<Expr, { type: "aggregate" }>;
type Call = Extract<Expr, { type: "call" }>;
const AGGREGATIONS = new Set(["sum", "avg", "min", "max", "count", "group"]);

/** The range result of `expr` at `steps`, or undefined when it is not of this shape. */
export function sweepRange(ev: Evaluator, expr: Expr, steps: number[], deadline?: number): RangeResult | undefined {
  const agg = expr.type === "aggregate" ? expr : undefined;
  if (agg && (!AGGREGATIONS.has(agg.op) || agg.param)) return undefined;
  const call = agg ? agg.expr : expr;
  if (call.type !== "call" || call.args.length !== 1 || steps.length === 0) return undefined;
  const m = call.args[0];
  // One metric name: dropping it cannot give two series the same labels (Prometheus' error case).
  if (m.type !== "matrix" || !m.vector.matchers.some((x) => x.name === "__name__" && x.op === "=")) return undefined;
  const swept = sweepBuckets(ev, call, steps, deadline) ?? sweepPoints(ev, call, steps, deadline);
  if (!swept) return undefined;
  const labels = swept.series.map((s) => (call.func === "last_over_time" ? s.labels : dropName(s.labels)));
  if (!agg) {
    const out = labels.map((l, j) => ({ labels: l, points: pointsOf(steps, swept, j) }));
    return { type: "matrix", series: out.filter((s) => s.points.length > 0) };
  }
  return { type: "matrix", series: aggregateSteps(agg, labels, steps, swept) };
}

/** Every series' value at every step: series j's at step k in cell j * steps + k, where present[cell] is 1. */
type Swept = { series: { labels: Labels }[]; steps: number; values: Float64Array; present: Uint8Array };

// The sweeps below write cells in plain loops: a value function called per cell from a shared
// helper would be a call site V8 cannot inline, and it cost more than the arithmetic.
function emptySwept(series: { labels: Labels }[], steps: number): Swept {
  const cells = series.length * steps;
  if (cells > REUSED_CELLS) return { series, steps, values: new Float64Array(cells), present: new Uint8Array(cells) };
  // Each sweep's cells are read before sweepRange returns (it runs without yielding), so
  // up to REUSED_CELLS they live in arrays every sweep reuses: a megabyte less to allocate,
  // and to collect, per dashboard panel.
  reused ??= { values: new Float64Array(REUSED_CELLS), present: new Uint8Array(REUSED_CELLS) };
  reused.present.fill(0, 0, cells);
  return { series, steps, values: reused.values, present: reused.present };
}
const REUSED_CELLS = 1 << 20;
let reused: { values: Float64Array; present: Uint8Array } | undefined;

function checkDeadline(deadline: number | undefined) {
  if (deadline && Date.now() > deadline) throw new PromQLTimeoutError("expression evaluation");
}

/** Windows from rollup buckets, when the planner chose them. Steps only move forward: so do lo and hi. */
function sweepBuckets(ev: Evaluator, call: Call, steps: number[], deadline?: number): Swept | undefined {
  const windows = steps.map((t) => ev.rollupWindows(call, t));
  if (windows.some((w) => w === undefined)) return undefined;
  const starts = Float64Array.from(windows, (w) => w!.rangeStart);
  const ends = Float64Array.from(windows, (w) => w!.rangeEnd);
  const w: BucketWindow = { lo: 0, hi: 0, edge: undefined };
  const fn = BUCKET_FN[call.func];
  const series = windows[0]!.series;
  const out = emptySwept(series, steps.length);
  for (let j = 0, cell = 0; j < series.length; j++) {
    checkDeadline(deadline);
    const b = series[j].buckets;
    let [lo, hi] = [0, 0];
    for (let k = 0; k < steps.length; k++, cell++) {
      const rangeStart = starts[k];
      const rangeEnd = ends[k];
      while (lo < b.n && b.t[lo] < rangeStart) lo++;
      while (hi < b.n && b.t[hi] < rangeEnd) hi++;
      w.lo = lo;
      w.hi = hi;
      w.edge = edgeSample(b, hi, rangeEnd);
      if (isEmptyWindow(w)) continue;
      const v = fn(b, w, rangeStart, rangeEnd);
      if (v !== undefined) ((out.values[cell] = v), (out.present[cell] = 1));
    }
  }
  return out;
}

/** Windows of raw points [rangeStart, rangeEnd] (closed, as in Prometheus 2.42). */
function sweepPoints(ev: Evaluator, call: Call, steps: number[], deadline?: number): Swept | undefined {
  const windowFunction = WINDOW_FUNCTIONS[call.func];
  if (!windowFunction) return undefined;
  const windows = steps.map((t) => ev.rawWindows(call, t));
  if (windows.some((w) => w === undefined)) return undefined;
  const starts = Float64Array.from(windows, (w) => w!.rangeStart);
  const ends = Float64Array.from(windows, (w) => w!.rangeEnd);
  const series = windows[0]!.series;
  const out = emptySwept(series, steps.length);
  for (let j = 0, cell = 0; j < series.length; j++) {
    checkDeadline(deadline);
    const s = series[j];
    const columns = s.columns ?? columnsOf(s.points);
    const { t } = columns;
    const n = sampleCount(s);
    let [lo, hi] = [0, 0];
    for (let k = 0; k < steps.length; k++, cell++) {
      while (lo < n && t[lo] < starts[k]) lo++;
      while (hi < n && t[hi] <= ends[k]) hi++;
      if (hi === lo) continue;
      const v = windowFunction(columns, lo, hi, starts[k], ends[k]);
      if (v !== undefined) ((out.values[cell] = v), (out.present[cell] = 1));
    }
  }
  return out;
}

function pointsOf(steps: number[], swept: Swept, j: number) {
  const points = [];
  for (let k = 0, cell = j * swept.steps; k < steps.length; k++, cell++)
    if (swept.present[cell]) points.push({ t: steps[k], v: swept.values[cell] });
  return points;
}

/** How each operator takes in the n-th value v of a group at a step (aggregate.ts' arithmetic). */
const UPDATE: Record<string, ((n: number, acc: number, v: number) => number) | undefined> = {
  sum: (n, acc, v) => (n === 0 ? 0 + v : acc + v),
  avg: (n, acc, v) => (n === 0 ? 0 : acc) + (v - (n === 0 ? 0 : acc)) / (n + 1),
  min: (n, acc, v) => (n === 0 || Number.isNaN(acc) || v < acc ? v : acc),
  max: (n, acc, v) => (n === 0 || Number.isNaN(acc) || v > acc ? v : acc),
};

/** aggregate() at each step, as aggregate.ts computes it for these operators. */
function aggregateSteps(agg: Aggregate, labels: Labels[], steps: number[], { values, present }: Swept): Series[] {
  const groups: Series[] = [];
  const index = new Map<string, number>();
  const groupOf = labels.map((l) => {
    const g = cachedGroupLabels(l, agg);
    const key = signature(g);
    if (!index.has(key)) {
      index.set(key, groups.length);
      groups.push({ labels: g, points: [] });
    }
    return index.get(key)!;
  });
  // Per step and group (cell = k * groups + g), filled series by series: each cell still sees
  // its series in order, and each series' values are read front to back.
  const G = groups.length;
  const acc = new Float64Array(steps.length * G);
  const count = new Int32Array(steps.length * G);
  const infinities = new Uint8Array(steps.length * G); // bit 1: +Inf seen, bit 2: -Inf seen
  const update = UPDATE[agg.op];
  for (let j = 0, from = 0; j < labels.length; j++) {
    const g = groupOf[j];
    for (let k = 0, cell = g; k < steps.length; k++, cell += G, from++) {
      if (!present[from]) continue;
      const v = values[from];
      const n = count[cell]++;
      if (update) acc[cell] = update(n, acc[cell], v);
      if (v === Infinity) infinities[cell] |= 1;
      else if (v === -Infinity) infinities[cell] |= 2;
    }
  }
  for (let k = 0, cell = 0; k < steps.length; k++) {
    for (let g = 0; g < G; g++, cell++) {
      if (count[cell] === 0) continue;
      const op = agg.op;
      const v =
        op === "count" ? count[cell] : op === "group" ? 1 : op === "avg" && infinities[cell] === 3 ? NaN : acc[cell];
      groups[g].points.push({ t: steps[k], v });
    }
  }
  // Groups in order of first appearance, as the step-by-step path emits them.
  const order: number[] = [];
  const seen = new Uint8Array(G);
  for (let k = 0; k < steps.length && order.length < G; k++) {
    for (let j = 0; j < labels.length; j++) {
      if (present[j * steps.length + k] && !seen[groupOf[j]]) ((seen[groupOf[j]] = 1), order.push(groupOf[j]));
    }
  }
  return order.map((g) => groups[g]);
}
