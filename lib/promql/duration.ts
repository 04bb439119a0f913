// Prometheus durations: 1y2w3d4h5m6s7ms, units in descending order, each at most once.
const UNITS: [string, number][] = [
  ["y", 365 * 86_400_000],
  ["w", 7 * 86_400_000],
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["ms", 1],
  ["m", 60_000],
  ["s", 1000],
];
const ORDER = ["y", "w", "d", "h", "m", "s", "ms"];

/** Milliseconds, or null when `text` is not a valid Prometheus duration. */
export function parseDuration(text: string): number | null {
  const parts = text.match(/^(?:\d+(?:y|w|d|h|ms|m|s))+$/) ? text.match(/\d+(?:y|w|d|h|ms|m|s)/g)! : null;
  if (!parts) return null;
  let total = 0;
  let last = -1;
  for (const p of parts) {
    const unit = p.replace(/^\d+/, "");
    const order = ORDER.indexOf(unit);
    if (order <= last) return null;
    last = order;
    total += Number(p.slice(0, -unit.length)) * UNITS.find(([u]) => u === unit)![1];
  }
  return total;
}
