// OTLP metrics → Prometheus-style series: gauges and sums as they are, histograms as
// _bucket{le} (cumulative), _sum and _count, summaries as quantile series (pure).
import { labelProblem, timeProblem, type IngestLimits } from "../limits";
import { emptyBatch, type MetricInput, type ParsedBatch } from "../normalized";
import { attributes, labelName, nanosToMillis, resourceLabels, type KeyValue } from "./attributes";

type NumberPoint = { attributes?: KeyValue[]; timeUnixNano?: string; asDouble?: number; asInt?: string | number };
type HistogramPoint = {
  attributes?: KeyValue[];
  timeUnixNano?: string;
  count?: string | number;
  sum?: number;
  bucketCounts?: (string | number)[];
  explicitBounds?: number[];
};
type SummaryPoint = {
  attributes?: KeyValue[];
  timeUnixNano?: string;
  count?: string | number;
  sum?: number;
  quantileValues?: { quantile?: number; value?: number }[];
};
type Metric = {
  name?: string;
  description?: string;
  unit?: string;
  gauge?: { dataPoints?: NumberPoint[] };
  sum?: { dataPoints?: NumberPoint[]; isMonotonic?: boolean };
  histogram?: { dataPoints?: HistogramPoint[] };
  exponentialHistogram?: unknown;
  summary?: { dataPoints?: SummaryPoint[] };
};
export type OtlpMetricsRequest = {
  resourceMetrics?: {
    resource?: { attributes?: KeyValue[] };
    scopeMetrics?: { scope?: { name?: string }; metrics?: Metric[] }[];
  }[];
};

const pointLabels = (kv: KeyValue[] | undefined) =>
  Object.fromEntries(Object.entries(attributes(kv)).map(([k, v]) => [labelName(k), String(v)]));

const leLabel = (b: number) => (b === Infinity ? "+Inf" : String(b));

export function parseOtlpMetrics(req: OtlpMetricsRequest, limits: IngestLimits, now = Date.now()): ParsedBatch {
  const out = emptyBatch();
  let index = 0;
  for (const rm of req.resourceMetrics ?? []) {
    const base = resourceLabels(attributes(rm.resource?.attributes));
    for (const sm of rm.scopeMetrics ?? []) {
      const scope: Record<string, string> = sm.scope?.name ? { otel_scope_name: sm.scope.name } : {};
      for (const m of sm.metrics ?? []) {
        const name = labelName(m.name ?? "");
        const type = m.gauge
          ? "gauge"
          : m.sum
            ? m.sum.isMonotonic
              ? "counter"
              : "gauge"
            : m.histogram
              ? "histogram"
              : m.summary
                ? "summary"
                : undefined;
        out.metadata.push({ name, type, unit: m.unit || undefined, help: m.description || undefined });
        const series: { point: number; inputs: Omit<MetricInput, "index">[]; t: number }[] = [];
        const key = (n: string, attrs: KeyValue[] | undefined, extra: Record<string, string> = {}) => ({
          name: n,
          labels: { ...base, ...scope, ...pointLabels(attrs), ...extra },
          type,
          unit: m.unit || undefined,
        });
        for (const p of m.gauge?.dataPoints ?? m.sum?.dataPoints ?? []) {
          const t = nanosToMillis(p.timeUnixNano);
          const v = p.asDouble ?? Number(p.asInt ?? NaN);
          series.push({ point: index++, t, inputs: [{ key: key(name, p.attributes), points: [[t, v]] }] });
        }
        for (const p of m.histogram?.dataPoints ?? []) {
          const t = nanosToMillis(p.timeUnixNano);
          const bounds = [...(p.explicitBounds ?? []), Infinity];
          let cumulative = 0;
          const inputs: Omit<MetricInput, "index">[] = bounds.map((b, i) => {
            cumulative += Number(p.bucketCounts?.[i] ?? 0);
            return { key: key(`${name}_bucket`, p.attributes, { le: leLabel(b) }), points: [[t, cumulative]] };
          });
          inputs.push({ key: key(`${name}_count`, p.attributes), points: [[t, Number(p.count ?? 0)]] });
          if (p.sum !== undefined) inputs.push({ key: key(`${name}_sum`, p.attributes), points: [[t, p.sum]] });
          series.push({ point: index++, t, inputs });
        }
        for (const p of m.summary?.dataPoints ?? []) {
          const t = nanosToMillis(p.timeUnixNano);
          const inputs: Omit<MetricInput, "index">[] = (p.quantileValues ?? []).map((q) => ({
            key: key(name, p.attributes, { quantile: String(q.quantile ?? 0) }),
            points: [[t, q.value ?? 0]],
          }));
          inputs.push({ key: key(`${name}_count`, p.attributes), points: [[t, Number(p.count ?? 0)]] });
          inputs.push({ key: key(`${name}_sum`, p.attributes), points: [[t, p.sum ?? 0]] });
          series.push({ point: index++, t, inputs });
        }
        if (m.exponentialHistogram) {
          out.rejected.push({
            index: index++,
            code: "unsupported",
            reason: `${name}: exponential histograms are not supported yet`,
          });
        }
        for (const s of series) {
          const problem =
            timeProblem(s.t, now, limits) ??
            s.inputs.map((i) => labelProblem(i.key.name, i.key.labels, limits)).find(Boolean);
          if (problem) out.rejected.push({ index: s.point, ...problem });
          else out.metrics.push(...s.inputs.map((i) => ({ ...i, index: s.point })));
        }
      }
    }
  }
  out.received = index;
  return out;
}
