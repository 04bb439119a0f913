// Explore's time window (pure): a relative range ending now, or a fixed window, split into
// about 240 steps of a round size, aligned to the step so the same URL shows the same points
// and long ranges land on whole rollup buckets.
import type { ExploreRange } from "@/lib/schemas/explore";

export const RANGE_MS: Record<ExploreRange, number> = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "6h": 6 * 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};
const STEPS_MS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map((s) => s * 1000);
const TARGET_POINTS = 240;

const stepFor = (span: number, points = TARGET_POINTS) =>
  STEPS_MS.find((s) => span / s <= points) ?? STEPS_MS[STEPS_MS.length - 1];

export function rangeWindow(
  range: ExploreRange,
  now: number,
  points = TARGET_POINTS,
): { start: number; end: number; stepMs: number } {
  const span = RANGE_MS[range];
  const stepMs = stepFor(span, points);
  const end = Math.floor(now / stepMs) * stepMs;
  return { start: end - span, end, stepMs };
}

/** A fixed window widened to whole steps; it never reaches past now. */
export function fixedWindow(from: number, to: number, now: number): { start: number; end: number; stepMs: number } {
  const stepMs = stepFor(to - from);
  return {
    start: Math.floor(from / stepMs) * stepMs,
    end: Math.min(Math.ceil(to / stepMs), Math.floor(now / stepMs)) * stepMs,
    stepMs,
  };
}
