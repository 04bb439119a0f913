"use client";
// Where the PromQL editor's completion asks for metric and label names: the client's own
// session routes (the Prometheus API itself wants an API key), through the official
// codemirror-promql client interface.
import type { PrometheusClient } from "@prometheus-io/codemirror-promql";
import * as grammar from "@prometheus-io/lezer-promql";
import { apiFetch } from "./api-fetch";

type CompletionMatcher = { type: number; name: string; value: string };

// The matchers carry the grammar's token ids (its typings leave these term constants out).
const term = grammar as unknown as Record<"EqlSingle" | "Neq" | "EqlRegex" | "NeqRegex", number>;
const OPS: Record<number, string> = {
  [term.EqlSingle]: "=",
  [term.Neq]: "!=",
  [term.EqlRegex]: "=~",
  [term.NeqRegex]: "!~",
};
const quote = (v: string) => JSON.stringify(v);

/** A selector for the metric and the matchers typed so far, e.g. up{job="api"}. */
function selector(metricName?: string, matchers: CompletionMatcher[] = []) {
  const parts = matchers
    .filter((m) => m.name && OPS[m.type] && m.name !== "__name__")
    .map((m) => `${m.name}${OPS[m.type]}${quote(m.value)}`);
  if (!metricName && parts.length === 0) return "";
  return `${metricName ?? ""}{${parts.join(",")}}`;
}

export function promqlCompletionClient(slug: string): PrometheusClient {
  const base = `/api/v1/clients/${slug}`;
  const query = (params: Record<string, string>) =>
    new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "")).toString();
  return {
    metricNames: () => apiFetch<string[]>(`${base}/metric-names`),
    labelNames: (metricName) => apiFetch<string[]>(`${base}/label-names?${query({ match: selector(metricName) })}`),
    labelValues: (labelName, metricName, matchers) =>
      apiFetch<string[]>(`${base}/label-values?${query({ label: labelName, match: selector(metricName, matchers) })}`),
    metricMetadata: async () => ({}),
    series: async () => [],
    flags: async () => ({}),
  };
}
