import type { ChartRow, ChartSeries } from "@/components/charts/time-series-chart";
import { colorAt } from "@/components/charts/time-series-chart";
import { legendName } from "@/lib/dashboards/legend";
import type { ExploreSeries } from "@/lib/schemas/explore";

/** A label set the way Prometheus prints it: name{a="1", b="2"} ({a="1"} without a name, {} when empty). */
export const seriesName = (labels: Record<string, string>) => legendName(labels, "");

/** Series as chart rows (one per time) and chart series (one per label set, named by `legend`). */
export function toChart(series: ExploreSeries[], legend = ""): { rows: ChartRow[]; lines: ChartSeries[] } {
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
    lines: series.map((s, i) => ({ key: `s${i}`, label: legendName(s.labels, legend), color: colorAt(i) })),
  };
}
