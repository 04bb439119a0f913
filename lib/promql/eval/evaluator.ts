// Evaluates a PromQL AST over a time range, step by step, the way Prometheus 2.42 does:
// instant selectors take the newest sample in the lookback window, range selectors the
// samples in [t - range, t], offset and @ move the evaluation time (pure, given Storage).
import type { Expr, VectorExpr } from "../ast";
import { aggregate } from "./aggregate";
import { binary } from "./binary";
import { sweepRange } from "./range-sweep";
import type { BucketSeries } from "./buckets";
import { callFunction } from "./call";
import { planRollup, type RollupResolution } from "../rollup-plan";
import {
  compareLabels,
  dropName,
  PromQLExecutionError,
  PromQLTimeoutError,
  sampleCount,
  signature,
  type Point,
  type Sample,
  type Series,
  type Storage,
} from "./types";

export type Instant =
  | { type: "vector"; samples: Sample[] }
  | { type: "scalar"; v: number }
  | { type: "string"; value: string }
  | { type: "matrix"; series: Series[]; rangeStart: number; rangeEnd: number };

export type EvalOptions = {
  start: number;
  end: number;
  step: number;
  lookbackMs?: number;
  maxSamples?: number;
  /** Wall-clock time (ms since the epoch) after which evaluation stops with a timeout error. */
  deadline?: number;
  /** false: read raw samples even where rollups would answer (benchmarks, comparisons); true:
   *  read rollups wherever they answer exactly, even where raw would be cheaper (tests). */
  rollups?: boolean;
};

export type RangeResult = { type: "matrix" | "scalar" | "string"; series: Series[] };

export class Evaluator {
  private readonly lookback: number;
  private readonly cache = new Map<VectorExpr, Series[]>();
  private readonly bucketCache = new Map<VectorExpr, BucketSeries[]>();
  private readonly plans = new Map<Expr, RollupResolution | undefined>();
  /** What the query read: "raw" and/or rollup resolutions ("1m", "1h"), for the response header. */
  readonly resolutions = new Set<string>();
  /** How much further back than the query start the enclosing subqueries evaluate. */
  private reach = 0;
  private loaded = 0;

  constructor(
    private readonly storage: Storage,
    private readonly opts: EvalOptions,
  ) {
    this.lookback = opts.lookbackMs ?? 300_000;
  }

  /** Every step's value: a series per label set for vectors, one series without labels for scalars. */
  range(expr: Expr): RangeResult {
    const steps = this.steps(expr);
    let next = steps.next();
    while (!next.done) next = steps.next();
    return next.value;
  }

  /** As range(), but gives the event loop back every few milliseconds so one query never stalls the server. */
  async rangeAsync(expr: Expr): Promise<RangeResult> {
    const steps = this.steps(expr);
    let slice = performance.now();
    let next = steps.next();
    while (!next.done) {
      if (performance.now() - slice > 10) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
      next = steps.next();
    }
    return next.value;
  }

  private *steps(expr: Expr): Generator<void, RangeResult> {
    const times: number[] = [];
    for (let t = this.opts.start; t <= this.opts.end; t += this.opts.step) times.push(t);
    const swept = sweepRange(this, expr, times, this.opts.deadline);
    if (swept) return swept;
    const out = new Map<string, Series>();
    let kind: "matrix" | "scalar" | "string" = "matrix";
    for (let t = this.opts.start; t <= this.opts.end; t += this.opts.step) {
      if (this.opts.deadline && Date.now() > this.opts.deadline) throw new PromQLTimeoutError("expression evaluation");
      const value = this.at(expr, t);
      yield;
      if (value.type === "matrix")
        throw new PromQLExecutionError("range vector cannot be the result of a range query; use an instant query");
      if (value.type === "string") return { type: "string", series: [{ labels: { value: value.value }, points: [] }] };
      if (value.type === "scalar") {
        kind = "scalar";
        const s = out.get("") ?? { labels: {}, points: [] };
        s.points.push({ t, v: value.v });
        out.set("", s);
        continue;
      }
      for (const sample of value.samples) {
        const key = signature(sample.labels);
        const s = out.get(key) ?? { labels: sample.labels, points: [] };
        if (s.points.length === 0) out.set(key, s);
        s.points.push({ t, v: sample.v });
      }
    }
    return { type: kind, series: [...out.values()] };
  }

  /** The value of `expr` at time `t` (milliseconds). */
  at(expr: Expr, t: number): Instant {
    switch (expr.type) {
      case "number":
        return { type: "scalar", v: expr.value };
      case "string":
        return { type: "string", value: expr.value };
      case "vector":
        return { type: "vector", samples: this.instantSelect(expr, t) };
      case "matrix": {
        const evalT = this.shift(expr.vector, t);
        const rangeStart = evalT - expr.rangeMs;
        const series: Series[] = [];
        for (const s of this.load(expr.vector, expr.rangeMs)) {
          const points = window(s.points, rangeStart, evalT);
          if (points.length > 0) series.push({ labels: s.labels, points });
        }
        return { type: "matrix", series, rangeStart, rangeEnd: evalT };
      }
      case "subquery":
        return this.subquery(expr, t);
      case "call":
        return callFunction(this, expr, t);
      case "aggregate":
        return { type: "vector", samples: aggregate(this, expr, t) };
      case "binary":
        return binary(this, expr, t);
      case "unary": {
        const v = this.at(expr.expr, t);
        if (expr.op === "+") return v;
        if (v.type === "scalar") return { type: "scalar", v: -v.v };
        if (v.type === "vector")
          return { type: "vector", samples: v.samples.map((s) => ({ ...s, labels: dropName(s.labels), v: -s.v })) };
        return v;
      }
    }
  }

  /** The time a selector reads at: @ pins it, offset moves it back. */
  private shift(sel: { offsetMs: number; at?: number | "start" | "end" }, t: number): number {
    const base = sel.at === "start" ? this.opts.start : sel.at === "end" ? this.opts.end : (sel.at ?? t);
    return base - sel.offsetMs;
  }

  private instantSelect(sel: VectorExpr, t: number): Sample[] {
    const evalT = this.shift(sel, t);
    const out: Sample[] = [];
    for (const s of this.load(sel, 0)) {
      const points = window(s.points, evalT - this.lookback, evalT);
      const last = points[points.length - 1];
      // A staleness marker newer than the last sample ends the series here (Prometheus' staleness).
      if (!last || (s.stale && staleBetween(s.stale, last.t, evalT))) continue;
      // t is the sample's own timestamp: timestamp() reads it; results use the step time.
      out.push({ labels: s.labels, t: last.t, v: last.v });
    }
    return out;
  }

  /**
   * For a range function the planner answers from rollups: the series' buckets and the
   * bounds of the window ending at t (bucketWindow picks it). Undefined when the call reads
   * raw samples.
   */
  rollupWindows(call: Extract<Expr, { type: "call" }>, t: number) {
    if (!this.storage.selectBuckets || this.opts.rollups === false) return undefined;
    if (!this.plans.has(call))
      this.plans.set(
        call,
        planRollup(call, { ...this.opts, inSubquery: this.reach > 0, force: this.opts.rollups === true }),
      );
    const resolution = this.plans.get(call);
    const m = call.args[0];
    if (!resolution || m.type !== "matrix") return undefined;
    const rangeEnd = this.shift(m.vector, t);
    const rangeStart = rangeEnd - m.rangeMs;
    let series = this.bucketCache.get(m.vector);
    if (!series) {
      const ends = [this.opts.start, this.opts.end].map((x) => this.shift(m.vector, x));
      series = this.storage
        .selectBuckets(m.vector.matchers, Math.min(...ends) - m.rangeMs, Math.max(...ends), resolution.ms, call.func)
        .sort((a, b) => compareLabels(a.labels, b.labels));
      this.resolutions.add(resolution.name);
      this.bucketCache.set(m.vector, series);
    }
    return { series, rangeStart, rangeEnd };
  }

  /** For a range function over raw samples: the selector's series and the bounds of the window ending at t. */
  rawWindows(call: Extract<Expr, { type: "call" }>, t: number) {
    const m = call.args[0];
    if (m.type !== "matrix") return undefined;
    const rangeEnd = this.shift(m.vector, t);
    return { series: this.load(m.vector, m.rangeMs), rangeStart: rangeEnd - m.rangeMs, rangeEnd };
  }

  /** Loads a selector's series once for the whole query window (plus lookback or range). */
  private load(sel: VectorExpr, rangeMs: number): Series[] {
    let series = this.cache.get(sel);
    if (!series) {
      this.resolutions.add("raw");
      const times = [this.opts.start, this.opts.end].map((t) => this.shift(sel, t));
      const mint = Math.min(...times) - this.reach - Math.max(rangeMs, this.lookback) - 1;
      // Sorted by label set, as Prometheus' storage returns series: ties (topk) break the same way.
      series = this.storage
        .select(sel.matchers, mint, Math.max(...times))
        .sort((a, b) => compareLabels(a.labels, b.labels));

      this.loaded += series.reduce((n, s) => n + sampleCount(s), 0);
      if (this.loaded > (this.opts.maxSamples ?? 50_000_000)) {
        throw new PromQLExecutionError("query processing would load too many samples into memory in query execution");
      }
      this.cache.set(sel, series);
    }
    return series;
  }

  private subquery(expr: Extract<Expr, { type: "subquery" }>, t: number): Instant {
    const evalT = this.shift(expr, t);
    // Without an explicit step, Prometheus uses its default evaluation interval (1m), not the query step.
    const step = expr.stepMs ?? 60_000;
    const rangeStart = evalT - expr.rangeMs;
    const inner = new Map<string, Series>();
    const reachHere = expr.rangeMs + Math.max(0, expr.offsetMs);
    this.reach += reachHere;
    const steps: number[] = [];
    // Subquery steps are aligned to multiples of the step, within [evalT - range, evalT].
    for (let ts = Math.floor(evalT / step) * step; ts >= rangeStart; ts -= step) steps.push(ts);
    let values: Instant[];
    try {
      values = steps.map((ts) => this.at(expr.expr, ts));
    } finally {
      this.reach -= reachHere;
    }
    for (const [i, ts] of steps.entries()) {
      const v = values[i];

      if (v.type !== "vector") continue;
      for (const s of v.samples) {
        const key = signature(s.labels);
        const series = inner.get(key) ?? { labels: s.labels, points: [] };
        series.points.unshift({ t: ts, v: s.v });
        inner.set(key, series);
      }
    }
    return { type: "matrix", series: [...inner.values()], rangeStart, rangeEnd: evalT };
  }
}

/** Points with from <= t <= to (closed on both ends, as in Prometheus 2.x). */
export function window(points: Point[], from: number, to: number): Point[] {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].t < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < points.length && points[end].t <= to) end++;
  return points.slice(lo, end);
}

/** True when a marker time lies in (after, upTo]. */
function staleBetween(stale: number[], after: number, upTo: number): boolean {
  let lo = 0;
  let hi = stale.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stale[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo < stale.length && stale[lo] <= upTo;
}
