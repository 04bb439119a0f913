// Sampling for high-volume data (pure). Traces: kept by trace id ratio, so a trace's spans
// are kept or dropped together, except errors and slow spans, which are always kept. Each
// kept span records how many it stands for, so counts read later can be corrected.
// Metrics: at most one sample per series per interval.
import type { SpanRow } from "@/lib/series/write-series";

export type SamplingPolicy = {
  traceSampleRatio: number;
  keepErrorSpans: boolean;
  slowSpanMs: number | null;
  metricMinIntervalSec: number;
};

/** Deterministic by trace id (its low 56 bits as a fraction), like OpenTelemetry's TraceIdRatioBased. */
export function traceKept(traceId: string, ratio: number): boolean {
  if (ratio >= 1) return true;
  const low = parseInt(traceId.slice(-14), 16);
  return low / 2 ** 56 < ratio;
}

export function sampleSpans<S extends SpanRow>(
  spans: S[],
  p: SamplingPolicy,
): { kept: (S & { sampleWeight: number })[]; dropped: number } {
  const kept: (S & { sampleWeight: number })[] = [];
  for (const s of spans) {
    const always =
      (p.keepErrorSpans && s.status === "error") || (p.slowSpanMs !== null && s.durationMs >= p.slowSpanMs);
    if (always || p.traceSampleRatio >= 1) kept.push({ ...s, sampleWeight: 1 });
    else if (traceKept(s.traceId, p.traceSampleRatio)) kept.push({ ...s, sampleWeight: 1 / p.traceSampleRatio });
  }
  return { kept, dropped: spans.length - kept.length };
}

/** Keeps points at least `intervalMs` apart, continuing from the series' last kept time. */
export function downsample(points: [number, number][], lastKept: number | undefined, intervalMs: number) {
  if (intervalMs <= 0) return { kept: points, lastKept: points.at(-1)?.[0] ?? lastKept };
  const kept: [number, number][] = [];
  let last = lastKept;
  for (const p of [...points].sort((a, b) => a[0] - b[0])) {
    if (last === undefined || p[0] - last >= intervalMs || p[0] < last) {
      kept.push(p);
      if (last === undefined || p[0] > last) last = p[0];
    }
  }
  return { kept, lastKept: last };
}
