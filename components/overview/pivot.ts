import type { ChartRow } from "@/components/charts/time-series-chart";

/** Turns long rows (bucket, group, value) into chart rows keyed by group. */
export function pivot<T extends { bucket: string }>(rows: T[], group: (r: T) => string, value: (r: T) => number) {
  const byTime = new Map<number, ChartRow>();
  const groups: string[] = [];
  for (const r of rows) {
    const t = Date.parse(r.bucket);
    const g = group(r);
    if (!groups.includes(g)) groups.push(g);
    const row = byTime.get(t) ?? ({ t } as ChartRow);
    row[g] = value(r);
    byTime.set(t, row);
  }
  return { rows: [...byTime.values()].sort((a, b) => a.t - b.t), groups };
}
