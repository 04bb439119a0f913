// Aggregation operators (sum, avg, …, topk, quantile, count_values) at one instant (pure).
import type { Expr } from "../ast";
import type { Evaluator } from "./evaluator";
import { quantile, variance } from "./range-functions";
import { PromQLExecutionError, signature, type Labels, type Sample } from "./types";

type AggregateExpr = Extract<Expr, { type: "aggregate" }>;

/** Go's strconv.FormatFloat(v, 'f', -1, 64), which count_values uses for label values. */
const formatValue = (v: number) =>
  Number.isNaN(v) ? "NaN" : v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : String(v);

/** The labels of the group a series falls in (by / without). */
export function groupLabels(labels: Labels, e: AggregateExpr): Labels {
  if (e.without) {
    const out: Labels = {};
    for (const [k, v] of Object.entries(labels)) if (k !== "__name__" && !e.grouping.includes(k)) out[k] = v;
    return out;
  }
  const out: Labels = {};
  for (const k of e.grouping) if (labels[k] !== undefined) out[k] = labels[k];
  return out;
}

// The same input label set maps to the same group label set at every step, and in every
// query with the same grouping (storage hands out the same label objects each time): one
// object per pair, so its signature (types.ts) is computed once too. Bounded: a caller
// could vary the grouping without end.
const groupCache = new Map<string, WeakMap<Labels, Labels>>();
export function cachedGroupLabels(labels: Labels, e: AggregateExpr): Labels {
  const grouping = `${e.without ? "without" : "by"}(${e.grouping.join(",")})`;
  let perGrouping = groupCache.get(grouping);
  if (!perGrouping) {
    if (groupCache.size >= 1000) groupCache.clear();
    groupCache.set(grouping, (perGrouping = new WeakMap()));
  }
  let out = perGrouping.get(labels);
  if (!out) perGrouping.set(labels, (out = groupLabels(labels, e)));
  return out;
}

export function aggregate(ev: Evaluator, e: AggregateExpr, t: number): Sample[] {
  const input = ev.at(e.expr, t);
  if (input.type !== "vector") throw new PromQLExecutionError("aggregation over a non-vector");
  const param = e.param ? ev.at(e.param, t) : undefined;
  const groups = new Map<string, { labels: Labels; samples: Sample[] }>();
  for (const s of input.samples) {
    const labels = cachedGroupLabels(s.labels, e);
    const key = signature(labels);
    const g = groups.get(key) ?? { labels, samples: [] };
    g.samples.push(s);
    groups.set(key, g);
  }
  const out: Sample[] = [];
  for (const { labels, samples } of groups.values()) {
    const values = samples.map((s) => s.v);
    const push = (v: number, l: Labels = labels) => out.push({ labels: l, t, v });
    switch (e.op) {
      case "sum":
        push(values.reduce((a, b) => a + b, 0));
        break;
      case "avg": {
        let mean = 0;
        values.forEach((v, i) => (mean += (v - mean) / (i + 1)));
        push(values.some((v) => v === Infinity) && values.some((v) => v === -Infinity) ? NaN : mean);
        break;
      }
      case "min":
        push(values.reduce((m, v) => (Number.isNaN(m) || v < m ? v : m), NaN));
        break;
      case "max":
        push(values.reduce((m, v) => (Number.isNaN(m) || v > m ? v : m), NaN));
        break;
      case "count":
        push(values.length);
        break;
      case "group":
        push(1);
        break;
      case "stddev":
        push(Math.sqrt(variance(values)));
        break;
      case "stdvar":
        push(variance(values));
        break;
      case "quantile":
        push(quantile(param?.type === "scalar" ? param.v : NaN, values));
        break;
      case "topk":
      case "bottomk": {
        const k = param?.type === "scalar" ? Math.floor(param.v) : 0;
        if (!(k >= 1)) break;
        const dir = e.op === "topk" ? -1 : 1;
        // NaN sorts last either way, as in Prometheus.
        const sorted = [...samples].sort((a, b) =>
          Number.isNaN(a.v) ? 1 : Number.isNaN(b.v) ? -1 : dir * (a.v - b.v),
        );
        for (const s of sorted.slice(0, k)) out.push({ ...s, t });
        break;
      }
      case "count_values": {
        const name = param?.type === "string" ? param.value : "";
        if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) throw new PromQLExecutionError(`invalid label name "${name}"`);
        const counts = new Map<string, number>();
        for (const v of values) counts.set(formatValue(v), (counts.get(formatValue(v)) ?? 0) + 1);
        for (const [value, n] of counts) push(n, { ...labels, [name]: value });
        break;
      }
    }
  }
  return out;
}
