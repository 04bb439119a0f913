// PromQL function calls at one instant (pure), after Prometheus 2.42's promql/functions.go.
import type { Expr } from "../ast";
import type { Evaluator, Instant } from "./evaluator";
import { BUCKET_FN, bucketWindow, isEmptyWindow } from "./buckets";
import { histogramQuantile } from "./histogram";
import { extrapolatedRate, instantDelta, linearRegression, OVER_TIME, quantile } from "./range-functions";
import { columnsOf, dropName, PromQLExecutionError, signature, type Columns, type Labels, type Sample } from "./types";

type Call = Extract<Expr, { type: "call" }>;

const MATH: Record<string, (v: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sgn: Math.sign,
  acos: Math.acos,
  acosh: Math.acosh,
  asin: Math.asin,
  asinh: Math.asinh,
  atan: Math.atan,
  atanh: Math.atanh,
  cos: Math.cos,
  cosh: Math.cosh,
  sin: Math.sin,
  sinh: Math.sinh,
  tan: Math.tan,
  tanh: Math.tanh,
  deg: (v) => (v * 180) / Math.PI,
  rad: (v) => (v * Math.PI) / 180,
};

const DATE: Record<string, (d: Date) => number> = {
  day_of_month: (d) => d.getUTCDate(),
  day_of_week: (d) => d.getUTCDay(),
  day_of_year: (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1,
  days_in_month: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate(),
  hour: (d) => d.getUTCHours(),
  minute: (d) => d.getUTCMinutes(),
  month: (d) => d.getUTCMonth() + 1,
  year: (d) => d.getUTCFullYear(),
};

const vectorOf = (v: Instant): Sample[] => (v.type === "vector" ? v.samples : []);
const scalarOf = (v: Instant): number => (v.type === "scalar" ? v.v : NaN);
const stringOf = (v: Instant): string => (v.type === "string" ? v.value : "");
const mapValues = (samples: Sample[], t: number, f: (v: number, s: Sample) => number): Instant => ({
  type: "vector",
  samples: samples.map((s) => ({ labels: dropName(s.labels), t, v: f(s.v, s) })),
});

/** Labels an absent() result carries: the equality matchers of its selector argument. */
function absentLabels(arg: Expr): Labels {
  const sel = arg.type === "matrix" ? arg.vector : arg.type === "vector" ? arg : undefined;
  const out: Labels = {};
  const seen = new Set<string>();
  for (const m of sel?.matchers ?? []) {
    if (m.name === "__name__") continue;
    if (m.op === "=" && !seen.has(m.name)) out[m.name] = m.value;
    else delete out[m.name];
    seen.add(m.name);
  }
  return out;
}

export function callFunction(ev: Evaluator, e: Call, t: number): Instant {
  const result = evaluateCall(ev, e, t);
  // Prometheus checks every function result: e.g. rate() drops __name__, label_replace() may empty a label.
  if (result.type === "vector") {
    const seen = new Set<string>();
    for (const s of result.samples) {
      const key = signature(s.labels);
      if (seen.has(key)) throw new PromQLExecutionError("vector cannot contain metrics with the same labelset");
      seen.add(key);
    }
  }
  return result;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const DELTA_FUNCTIONS = ["rate", "increase", "delta", "irate", "idelta", "deriv"];
const RANGE_FUNCTIONS = new Set([...DELTA_FUNCTIONS, "predict_linear", "quantile_over_time", "absent_over_time"]);

type WindowFunction = (
  columns: Columns,
  lo: number,
  hi: number,
  rangeStart: number,
  rangeEnd: number,
) => number | undefined;
const over =
  (f: (v: Float64Array, lo: number, hi: number) => number): WindowFunction =>
  ({ v }, lo, hi) =>
    f(v, lo, hi);

/**
 * The functions of one range vector alone, answered per series from window lo..hi-1 (non-empty)
 * of its columns, the window ranging [rangeStart, rangeEnd]. One function object per name,
 * made once: the range sweep calls it per window, and V8 inlines a call that always meets
 * the same function.
 */
export const WINDOW_FUNCTIONS: Record<string, WindowFunction> = {
  ...Object.fromEntries(Object.entries(OVER_TIME).map(([name, f]) => [name, over(f)])),
  rate: (c, lo, hi, start, end) => extrapolatedRate(c, lo, hi, start, end, true, true),
  increase: (c, lo, hi, start, end) => extrapolatedRate(c, lo, hi, start, end, true, false),
  delta: (c, lo, hi, start, end) => extrapolatedRate(c, lo, hi, start, end, false, false),
  irate: (c, lo, hi) => instantDelta(c, lo, hi, true),
  idelta: (c, lo, hi) => instantDelta(c, lo, hi, false),
  deriv: (c, lo, hi) => (hi - lo < 2 ? undefined : linearRegression(c, lo, hi, c.t[lo]).slope),
};

function evaluateCall(ev: Evaluator, e: Call, t: number): Instant {
  const name = e.func;
  // Before the arguments: a call answered from rollups must not load the raw samples.
  const rollup = ev.rollupWindows(e, t);
  if (rollup) {
    const out: Sample[] = [];
    for (const s of rollup.series) {
      const w = bucketWindow(s.buckets, rollup.rangeStart, rollup.rangeEnd);
      if (isEmptyWindow(w)) continue;
      const v = BUCKET_FN[name](s.buckets, w, rollup.rangeStart, rollup.rangeEnd);
      if (v !== undefined) out.push({ labels: name === "last_over_time" ? s.labels : dropName(s.labels), t, v });
    }
    return { type: "vector", samples: out };
  }
  const args = e.args.map((a) => ev.at(a, t));
  const math = MATH[name];
  if (math) return mapValues(vectorOf(args[0]), t, math);
  const date = DATE[name];
  if (date) {
    const input = args[0] ? vectorOf(args[0]) : [{ labels: {}, t, v: t / 1000 }];
    return mapValues(input, t, (v) => (Number.isNaN(v) ? NaN : date(new Date(v * 1000))));
  }
  if (name in OVER_TIME || RANGE_FUNCTIONS.has(name)) {
    const matrixArg = args.find((a) => a.type === "matrix");
    if (!matrixArg || matrixArg.type !== "matrix") throw new PromQLExecutionError(`${name} needs a range vector`);
    if (name === "absent_over_time") {
      return { type: "vector", samples: matrixArg.series.length ? [] : [{ labels: absentLabels(e.args[0]), t, v: 1 }] };
    }
    const out: Sample[] = [];
    for (const s of matrixArg.series) {
      let v: number | undefined;
      const n = s.points.length;
      const windowFunction = WINDOW_FUNCTIONS[name];
      if (windowFunction) v = windowFunction(columnsOf(s.points), 0, n, matrixArg.rangeStart, matrixArg.rangeEnd);
      else if (name === "predict_linear") {
        if (n < 2) v = undefined;
        else {
          const { slope, intercept } = linearRegression(columnsOf(s.points), 0, n, matrixArg.rangeEnd);
          v = slope * scalarOf(args[1]) + intercept;
        }
      } else if (name === "quantile_over_time")
        v = quantile(
          scalarOf(args[0]),
          s.points.map((p) => p.v),
        );
      if (v !== undefined) out.push({ labels: name === "last_over_time" ? s.labels : dropName(s.labels), t, v });
    }
    return { type: "vector", samples: out };
  }
  switch (name) {
    case "time":
      return { type: "scalar", v: t / 1000 };
    case "pi":
      return { type: "scalar", v: Math.PI };
    case "vector":
      return { type: "vector", samples: [{ labels: {}, t, v: scalarOf(args[0]) }] };
    case "scalar": {
      const samples = vectorOf(args[0]);
      return { type: "scalar", v: samples.length === 1 ? samples[0].v : NaN };
    }
    case "timestamp":
      return mapValues(vectorOf(args[0]), t, (_v, s) => s.t / 1000);
    case "absent":
      return {
        type: "vector",
        samples: vectorOf(args[0]).length ? [] : [{ labels: absentLabels(e.args[0]), t, v: 1 }],
      };
    case "round": {
      const inverse = args[1] ? 1 / scalarOf(args[1]) : 1;
      return mapValues(vectorOf(args[0]), t, (v) => Math.floor(v * inverse + 0.5) / inverse);
    }
    case "clamp": {
      const [lo, hi] = [scalarOf(args[1]), scalarOf(args[2])];
      if (hi < lo) return { type: "vector", samples: [] };
      return mapValues(vectorOf(args[0]), t, (v) => Math.max(lo, Math.min(hi, v)));
    }
    case "clamp_min":
      return mapValues(vectorOf(args[0]), t, (v) => Math.max(scalarOf(args[1]), v));
    case "clamp_max":
      return mapValues(vectorOf(args[0]), t, (v) => Math.min(scalarOf(args[1]), v));
    case "sort":
    case "sort_desc": {
      const dir = name === "sort" ? 1 : -1;
      return { type: "vector", samples: [...vectorOf(args[0])].sort((a, b) => dir * (a.v - b.v)) };
    }
    case "histogram_quantile":
      return { type: "vector", samples: histogramQuantile(scalarOf(args[0]), vectorOf(args[1]), t) };
    case "label_replace":
      return {
        type: "vector",
        samples: labelReplace(
          vectorOf(args[0]),
          stringOf(args[1]),
          stringOf(args[2]),
          stringOf(args[3]),
          stringOf(args[4]),
        ),
      };
    case "label_join": {
      const [dst, sep, ...srcs] = args.slice(1).map(stringOf);
      if (!LABEL_NAME.test(dst))
        throw new PromQLExecutionError(`invalid destination label name in label_join(): ${dst}`);
      for (const src of srcs)
        if (!LABEL_NAME.test(src)) throw new PromQLExecutionError(`invalid source label name in label_join(): ${dst}`);
      return {
        type: "vector",
        samples: vectorOf(args[0]).map((s) => ({
          ...s,
          labels: withLabel(s.labels, dst, srcs.map((k) => s.labels[k] ?? "").join(sep)),
        })),
      };
    }
  }
  throw new PromQLExecutionError(`function "${name}" is not supported yet`);
}

const withLabel = (labels: Labels, name: string, value: string): Labels => {
  const out = { ...labels };
  if (value === "") delete out[name];
  else out[name] = value;
  return out;
};

function labelReplace(samples: Sample[], dst: string, replacement: string, src: string, regex: string): Sample[] {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${regex})$`, "s");
  } catch {
    throw new PromQLExecutionError(`invalid regular expression in label_replace(): ${regex}`);
  }
  if (!LABEL_NAME.test(dst))
    throw new PromQLExecutionError(`invalid destination label name in label_replace(): ${dst}`);
  return samples.map((s) => {
    const match = re.exec(s.labels[src] ?? "");
    if (!match) return s;
    // Go's $1 / ${1} / $name expansion.
    const value = replacement.replace(/\$(\$)|\$\{(\w+)\}|\$(\w+)/g, (_, dollar, braced, bare) => {
      if (dollar) return "$";
      const ref = braced ?? bare;
      return (/^\d+$/.test(ref) ? match[Number(ref)] : match.groups?.[ref]) ?? "";
    });
    return { ...s, labels: withLabel(s.labels, dst, value) };
  });
}
