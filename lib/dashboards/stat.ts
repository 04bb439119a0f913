// What a stat panel shows (pure): the latest value of the series (summed when there are
// several), and its change against the same moment of the previous period.
import type { ExploreSeries } from "@/lib/schemas/explore";

const last = (s: ExploreSeries) => {
  for (let i = s.points.length - 1; i >= 0; i--) if (Number.isFinite(s.points[i][1])) return s.points[i][1];
  return undefined;
};

/** The latest value: one series' own, or the sum over all series that have one. */
export function latestValue(series: ExploreSeries[]): number | null {
  const values = series.map(last).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

/** Percent change from `before` to `now`; null when there is nothing to compare with. */
export function changePercent(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  if (before === 0) return now === 0 ? 0 : null;
  return ((now - before) / Math.abs(before)) * 100;
}

/** The colour of the highest threshold the value reaches (thresholds ascending). */
export function thresholdColor(value: number | null, thresholds: { value: number; color: string }[]) {
  if (value === null) return undefined;
  let color: string | undefined;
  for (const t of [...thresholds].sort((a, b) => a.value - b.value)) if (value >= t.value) color = t.color;
  return color;
}

/** One line per series for a sparkline: the sum over series at each time. */
export function summedPoints(series: ExploreSeries[]): [number, number][] {
  const byTime = new Map<number, number>();
  for (const s of series)
    for (const [t, v] of s.points) if (Number.isFinite(v)) byTime.set(t, (byTime.get(t) ?? 0) + v);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}
