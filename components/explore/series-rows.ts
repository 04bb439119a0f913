import type { ChartRow, ChartSeries } from "@/components/charts/time-series-chart";
import { colorAt } from "@/components/charts/time-series-chart";
import type { ExploreSeries } from "@/lib/schemas/explore";

/** A label set the way Prometheus prints it: name{a="1", b="2"} ({a="1"} without a name, {} when empty). */
export function seriesName(labels: Record<string, string>): string {
  const { __name__: name = "", ...rest } = labels;
  const pairs = Object.entries(rest)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}="${v}"`);
  return pairs.length ? `${name}{${pairs.join(", ")}}` : name || "{}";
}

/** Series as chart rows (one per time) and chart series (one per label set). */
export function toChart(series: ExploreSeries[]): { rows: ChartRow[]; lines: ChartSeries[] } {
  const byTime = new Map<number, ChartRow>();
  series.forEach((s, i) => {
    for (const [t, v] of s.points) {
      const row = byTime.get(t) ?? ({ t } as ChartRow);
      row[`s${i}`] = v;
      byTime.set(t, row);
    }
  });
  return {
    rows: [...byTime.values()].sort((a, b) => a.t - b.t),
    lines: series.map((s, i) => ({ key: `s${i}`, label: seriesName(s.labels), color: colorAt(i) })),
  };
}
