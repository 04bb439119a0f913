// A latency heatmap from histogram buckets (pure): Prometheus buckets are cumulative (`le`),
// so each cell is a bucket's count minus the one below it, per time step. Series are merged
// by `le` (sum), so a query may keep other labels.
import type { ExploreSeries } from "@/lib/schemas/explore";

export type HeatmapCell = { t: number; bucket: number; value: number };
export type Heatmap = {
  times: number[];
  /** Upper bounds, ascending; the last may be +Inf. */
  bounds: number[];
  cells: HeatmapCell[];
  max: number;
};

export function heatmap(series: ExploreSeries[]): Heatmap | null {
  const byLe = new Map<number, Map<number, number>>();
  for (const s of series) {
    if (s.labels.le === undefined) continue;
    const le = s.labels.le === "+Inf" ? Infinity : Number(s.labels.le);
    if (Number.isNaN(le)) continue;
    const points = byLe.get(le) ?? new Map<number, number>();
    for (const [t, v] of s.points) if (Number.isFinite(v)) points.set(t, (points.get(t) ?? 0) + v);
    byLe.set(le, points);
  }
  if (byLe.size === 0) return null;
  const bounds = [...byLe.keys()].sort((a, b) => a - b);
  const times = [...new Set([...byLe.values()].flatMap((p) => [...p.keys()]))].sort((a, b) => a - b);
  const cells: HeatmapCell[] = [];
  let max = 0;
  for (const t of times) {
    let below = 0;
    bounds.forEach((le, bucket) => {
      const cumulative = byLe.get(le)!.get(t);
      if (cumulative === undefined) return;
      // A counter reset between buckets' reads can make this dip below zero: show nothing.
      const value = Math.max(0, cumulative - below);
      below = cumulative;
      cells.push({ t, bucket, value });
      max = Math.max(max, value);
    });
  }
  return { times, bounds, cells, max };
}
