// Range queries of `f(sel[R])` and `agg by (…) (f(sel[R]))` answered from rollup buckets,
// series by series across all steps instead of step by step: the shape of long-range panels
// (720 steps × 1,000 series for 30 days at 1 h), where the step-by-step path spends more on
// per-step objects than on arithmetic. The values are the step-by-step path's: the same
// bucket arithmetic, and aggregation in the same series order.
import type { Expr } from "../ast";
import { groupLabels } from "./aggregate";
import { bucketFunction, type BucketWindow } from "./buckets";
import type { Evaluator, RangeResult } from "./evaluator";
import { dropName, PromQLTimeoutError, signature, type Labels, type Series } from "./types";

type Call = Extract<Expr, { type: "call" }>;
type Aggregate = Extract<Expr, { type: "aggregate" }>;
const AGGREGATIONS = new Set(["sum", "avg", "min", "max", "count", "group"]);

/** The range result of `expr` at `steps`, or undefined when it is not of this shape or reads raw samples. */
export function bucketRange(ev: Evaluator, expr: Expr, steps: number[], deadline?: number): RangeResult | undefined {
  const agg = expr.type === "aggregate" ? expr : undefined;
  if (agg && (!AGGREGATIONS.has(agg.op) || agg.param)) return undefined;
  const call = agg ? agg.expr : expr;
  if (call.type !== "call" || call.args.length !== 1) return undefined;
  const m = call.args[0];
  // One metric name: dropping it cannot give two series the same labels (Prometheus' error case).
  if (m.type !== "matrix" || !m.vector.matchers.some((x) => x.name === "__name__" && x.op === "=")) return undefined;
  const windows = steps.map((t) => ev.rollupWindows(call, t));
  if (windows.some((w) => w === undefined) || steps.length === 0) return undefined;
  const bounds = windows as NonNullable<(typeof windows)[number]>[];
  const series = bounds[0].series;

  // Every series' value at every step (present[] says where it has one).
  const values = series.map(() => new Float64Array(steps.length));
  const present = series.map(() => new Uint8Array(steps.length));
  const w: BucketWindow = { lo: 0, hi: 0 };
  series.forEach(({ buckets: b }, j) => {
    if (deadline && Date.now() > deadline) throw new PromQLTimeoutError("expression evaluation");
    let [lo, hi] = [0, 0];
    for (let k = 0; k < steps.length; k++) {
      const { rangeStart, rangeEnd } = bounds[k];
      while (lo < b.n && b.t[lo] < rangeStart) lo++;
      while (hi < b.n && b.t[hi] < rangeEnd) hi++;
      w.lo = lo;
      w.hi = hi;
      w.edge = hi < b.n && b.t[hi] === rangeEnd && b.firstT[hi] === rangeEnd ? b.firstV[hi] : undefined;
      if (lo === hi && w.edge === undefined) continue;
      const v = bucketFunction(call.func, b, w, rangeStart, rangeEnd);
      if (v === undefined) continue;
      values[j][k] = v;
      present[j][k] = 1;
    }
  });
  const labels = series.map((s) => (call.func === "last_over_time" ? s.labels : dropName(s.labels)));
  if (!agg) {
    const out = labels.map((l, j) => ({ labels: l, points: pointsOf(steps, values[j], present[j]) }));
    return { type: "matrix", series: out.filter((s) => s.points.length > 0) };
  }
  return { type: "matrix", series: aggregateSteps(agg, labels, steps, values, present) };
}

function pointsOf(steps: number[], values: Float64Array, present: Uint8Array) {
  const points = [];
  for (let k = 0; k < steps.length; k++) if (present[k]) points.push({ t: steps[k], v: values[k] });
  return points;
}

/** aggregate() at each step, as aggregate.ts computes it for these operators. */
function aggregateSteps(
  agg: Aggregate,
  labels: Labels[],
  steps: number[],
  values: Float64Array[],
  present: Uint8Array[],
): Series[] {
  const groups: Series[] = [];
  const index = new Map<string, number>();
  const groupOf = labels.map((l) => {
    const g = groupLabels(l, agg);
    const key = signature(g);
    if (!index.has(key)) {
      index.set(key, groups.length);
      groups.push({ labels: g, points: [] });
    }
    return index.get(key)!;
  });
  const acc = new Float64Array(groups.length);
  const count = new Int32Array(groups.length);
  const infinities = new Uint8Array(groups.length); // bit 1: +Inf seen, bit 2: -Inf seen
  // Groups in order of first appearance, as the step-by-step path emits them.
  const order: number[] = [];
  const seen = new Uint8Array(groups.length);
  for (let k = 0; k < steps.length; k++) {
    count.fill(0);
    infinities.fill(0);
    for (let j = 0; j < labels.length; j++) {
      if (!present[j][k]) continue;
      const g = groupOf[j];
      const v = values[j][k];
      const n = count[g]++;
      if (!seen[g]) ((seen[g] = 1), order.push(g));
      switch (agg.op) {
        case "sum":
          acc[g] = n === 0 ? 0 + v : acc[g] + v;
          break;
        case "avg":
          acc[g] = (n === 0 ? 0 : acc[g]) + (v - (n === 0 ? 0 : acc[g])) / (n + 1);
          infinities[g] |= v === Infinity ? 1 : v === -Infinity ? 2 : 0;
          break;
        case "min":
          acc[g] = n === 0 || Number.isNaN(acc[g]) || v < acc[g] ? v : acc[g];
          break;
        case "max":
          acc[g] = n === 0 || Number.isNaN(acc[g]) || v > acc[g] ? v : acc[g];
          break;
      }
    }
    for (let g = 0; g < groups.length; g++) {
      if (count[g] === 0) continue;
      const v =
        agg.op === "count" ? count[g] : agg.op === "group" ? 1 : agg.op === "avg" && infinities[g] === 3 ? NaN : acc[g];
      groups[g].points.push({ t: steps[k], v });
    }
  }
  return order.map((g) => groups[g]);
}
