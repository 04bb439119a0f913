// Prometheus text exposition (push-style senders) → rows, parsed by
// parse-prometheus-text-format; histograms and summaries become their Prometheus series.
import parsePrometheusText from "parse-prometheus-text-format";
import { labelProblem, timeProblem, type IngestLimits } from "./limits";
import { MalformedBodyError } from "./parse-json";
import { emptyBatch, type MetricInput, type ParsedBatch } from "./normalized";

type Family = {
  name: string;
  help: string;
  type: string;
  metrics: {
    value?: string;
    labels?: Record<string, string>;
    timestamp_ms?: string;
    buckets?: Record<string, string>;
    quantiles?: Record<string, string>;
    count?: string;
    sum?: string;
  }[];
};

const num = (s: string | undefined) =>
  s === undefined ? NaN : s === "+Inf" ? Infinity : s === "-Inf" ? -Infinity : Number(s);

/** How many exposition lines one parsed metric came from. */
const linesOf = (m: Family["metrics"][number]) =>
  m.buckets || m.quantiles
    ? Object.keys(m.buckets ?? m.quantiles ?? {}).length +
      (m.sum !== undefined ? 1 : 0) +
      (m.count !== undefined ? 1 : 0)
    : 1;

export function parsePromText(text: string, limits: IngestLimits, now = Date.now()): ParsedBatch {
  let families: Family[];
  try {
    // The parser drops a last line without a newline; exposition text always ends with one.
    families = (parsePrometheusText as unknown as (t: string) => Family[])(text.endsWith("\n") ? text : `${text}\n`);
  } catch (err) {
    throw new MalformedBodyError(`The body is not valid Prometheus text format: ${(err as Error).message}`);
  }
  // The parser skips lines it cannot read without saying so: count them ourselves.
  const parsed = families.reduce((n, f) => n + f.metrics.reduce((k, m) => k + linesOf(m), 0), 0);
  const sampleLines = text.split("\n").filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#")).length;
  if (parsed !== sampleLines) {
    throw new MalformedBodyError(
      `The body is not valid Prometheus text format: ${sampleLines - parsed} of ${sampleLines} sample lines could not be read`,
    );
  }
  const out = emptyBatch();
  let index = 0;
  for (const f of families) {
    const type = f.type.toLowerCase();
    out.metadata.push({ name: f.name, type, help: f.help || undefined });
    for (const m of f.metrics) {
      const t = m.timestamp_ms ? Number(m.timestamp_ms) : now;
      const labels = m.labels ?? {};
      const series: Omit<MetricInput, "index">[] = [];
      const add = (name: string, extra: Record<string, string>, v: number) =>
        series.push({ key: { name, labels: { ...labels, ...extra }, type }, points: [[t, v]] });
      if (m.buckets) {
        for (const [le, v] of Object.entries(m.buckets)) add(`${f.name}_bucket`, { le }, num(v));
        add(`${f.name}_sum`, {}, num(m.sum));
        add(`${f.name}_count`, {}, num(m.count));
      } else if (m.quantiles) {
        for (const [quantile, v] of Object.entries(m.quantiles)) add(f.name, { quantile }, num(v));
        add(`${f.name}_sum`, {}, num(m.sum));
        add(`${f.name}_count`, {}, num(m.count));
      } else {
        add(f.name, {}, num(m.value));
      }
      for (const s of series) {
        out.received++;
        const problem = labelProblem(s.key.name, s.key.labels, limits) ?? timeProblem(t, now, limits);
        if (problem) out.rejected.push({ index, ...problem });
        else out.metrics.push({ ...s, index });
        index++;
      }
    }
  }
  return out;
}
