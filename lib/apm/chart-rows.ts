// The Performance charts' rows (pure): this window's buckets and last week's, moved forward a
// week, side by side by time; rates per minute and per cent for reading.
import type { RequestBucketDto } from "@/lib/schemas/performance";

export type PerformanceRow = {
  t: number;
  p50?: number;
  p95?: number;
  p99?: number;
  weekP95?: number;
  rpm?: number;
  weekRpm?: number;
  errorPct?: number;
  apdex?: number;
};

export function performanceRows(buckets: RequestBucketDto[], weekAgo: RequestBucketDto[], stepMs: number) {
  const rows = new Map<number, PerformanceRow>();
  const at = (t: number) => rows.get(t) ?? rows.set(t, { t }).get(t)!;
  for (const b of buckets)
    Object.assign(at(b.t), {
      p50: b.p50,
      p95: b.p95,
      p99: b.p99,
      rpm: b.count / (stepMs / 60_000),
      errorPct: b.count ? (100 * b.errors) / b.count : 0,
      apdex: b.apdex,
    });
  for (const b of weekAgo) Object.assign(at(b.t), { weekP95: b.p95, weekRpm: b.count / (stepMs / 60_000) });
  return [...rows.values()].sort((a, b) => a.t - b.t);
}
