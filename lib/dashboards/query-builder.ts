// The panel query builder (pure): a metric, label filters, an optional rate for counters, an
// aggregation and its grouping, written as the PromQL a person would type.
import { goQuote } from "@/lib/promql/print";

export const AGGREGATIONS = ["none", "sum", "avg", "max", "min", "count"] as const;
export const FILTER_OPS = ["=", "!=", "=~", "!~"] as const;

export type BuiltQuery = {
  metric: string;
  filters: { label: string; op: (typeof FILTER_OPS)[number]; value: string }[];
  /** Per-second rate over this window, for counters; empty for none. */
  rate: "" | "1m" | "5m" | "15m" | "1h";
  aggregation: (typeof AGGREGATIONS)[number];
  by: string[];
};

export function buildQuery(q: BuiltQuery): string {
  const filters = q.filters.filter((f) => f.label && f.value !== "");
  const selector = `${q.metric}${filters.length ? `{${filters.map((f) => `${f.label}${f.op}${goQuote(f.value)}`).join(", ")}}` : ""}`;
  const inner = q.rate ? `rate(${selector}[${q.rate}])` : selector;
  if (q.aggregation === "none") return inner;
  return `${q.aggregation}${q.by.length ? ` by (${q.by.join(", ")})` : ""} (${inner})`;
}

/** Counters are rated by default (their raw values only ever grow). */
export const isCounterName = (metric: string) => /_(total|count|sum|bucket)$/.test(metric);
