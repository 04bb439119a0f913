// Historical comparison (pure): which window a panel compares with, and its series moved
// forward onto the window shown, so the two draw on one time axis.
import type { Panel } from "@/lib/schemas/dashboards";
import type { ExploreSeries, FixedWindow } from "@/lib/schemas/explore";

const WEEK_MS = 7 * 86_400_000;

/** How far back the comparison lies: one window length (previous), or a week. Whole steps,
 *  so the earlier points land on this window's step times and the lines draw unbroken. */
export function compareShift(compare: Panel["options"]["compare"], shown: { start: number; end: number }) {
  if (compare === "previous") return shown.end - shown.start;
  if (compare === "week") return WEEK_MS;
  return 0;
}

/** The earlier window to query, or nothing when the panel does not compare. */
export function compareWindow(shiftMs: number, shown?: { start: number; end: number }): FixedWindow | undefined {
  if (!shown || shiftMs === 0) return undefined;
  // The aligned steps only: the same span, so the same step size as the window shown.
  return { from: shown.start - shiftMs, to: shown.end - shiftMs };
}

/** Earlier series moved forward by `shiftMs`. */
export const shifted = (series: ExploreSeries[], shiftMs: number): ExploreSeries[] =>
  series.map((s) => ({ ...s, points: s.points.map(([t, v]) => [t + shiftMs, v] as [number, number]) }));
