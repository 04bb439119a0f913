import type { ChartRow, ChartSeries } from "@/components/charts/time-series-chart";
import { colorAt } from "@/components/charts/time-series-chart";
import { legendName } from "@/lib/dashboards/legend";
import type { ExploreSeries } from "@/lib/schemas/explore";

/** A label set the way Prometheus prints it: name{a="1", b="2"} ({a="1"} without a name, {} when empty). */
export const seriesName = (labels: Record<string, string>) => legendName(labels, "");

/** Series as chart rows (one per time) and chart series (one per label set, named by `legend`);
 *  `earlier` series (already moved onto this window) are drawn dashed, named with `earlierName`. */
export function toChart(
  series: ExploreSeries[],
  legend = "",
  earlier: ExploreSeries[] = [],
  earlierName = "earlier",
): { rows: ChartRow[]; lines: ChartSeries[] } {
  const byTime = new Map<number, ChartRow>();
  const put = (list: ExploreSeries[], prefix: string) =>
    list.forEach((s, i) => {
      for (const [t, v] of s.points) {
        const row = byTime.get(t) ?? ({ t } as ChartRow);
        row[`${prefix}${i}`] = v;
        byTime.set(t, row);
      }
    });
  put(series, "s");
  put(earlier, "e");
  const colorOf = new Map(series.map((s, i) => [legendName(s.labels, ""), colorAt(i)]));
  return {
    rows: [...byTime.values()].sort((a, b) => a.t - b.t),
    lines: [
      ...series.map((s, i) => ({ key: `s${i}`, label: legendName(s.labels, legend), color: colorAt(i) })),
      ...earlier.map((s, i) => ({
        key: `e${i}`,
        label: `${legendName(s.labels, legend)} (${earlierName})`,
        // The same colour as the series it compares with, dashed.
        color: colorOf.get(legendName(s.labels, "")) ?? "#9aa3b2",
        dashed: true,
      })),
    ],
  };
}
