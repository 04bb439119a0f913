"use client";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { GaugeChart } from "@/components/charts/gauge-chart";
import { HeatmapChart } from "@/components/charts/heatmap-chart";
import { colorAt, TimeSeriesChart, type ChartAnnotation } from "@/components/charts/time-series-chart";
import { StatView } from "@/components/charts/stat-view";
import { toChart } from "@/components/charts/series-rows";
import { Skeleton } from "@/components/ui/skeleton";
import { compareShift, compareWindow, shifted } from "@/lib/dashboards/compare";
import { heatmap } from "@/lib/dashboards/heatmap";
import { legendName } from "@/lib/dashboards/legend";
import { changePercent, latestValue, summedPoints, thresholdColor } from "@/lib/dashboards/stat";
import { formatUnit } from "@/lib/format/units";
import { useExploreQuery } from "@/lib/hooks/use-explore";
import type { Panel } from "@/lib/schemas/dashboards";
import type { ExploreRange, FixedWindow } from "@/lib/schemas/explore";

export type PanelWindow = { range: ExploreRange; fixed?: FixedWindow };

const lastOf = (points: [number, number][]) => points.findLast((p) => Number.isFinite(p[1]))?.[1];

/** One panel: its query over the dashboard's window, drawn as its type says. */
export function PanelView({
  slug,
  panel,
  query,
  window,
  refreshMs,
  height,
  annotations,
  onZoom,
  onPick,
}: {
  slug: string;
  panel: Panel;
  /** The panel's query with the variables filled in. */
  query: string;
  window: PanelWindow;
  refreshMs?: number;
  height: number;
  annotations?: ChartAnnotation[];
  onZoom?: (from: number, to: number) => void;
  onPick?: (t: number) => void;
}) {
  const result = useExploreQuery(slug, query, window.range, window.fixed, refreshMs);
  // Stat panels always compare with the previous period; time series when the panel says so.
  const compare = panel.type === "stat" ? "previous" : panel.type === "timeseries" ? panel.options.compare : "none";
  const shiftMs = result.data ? compareShift(compare, result.data) : 0;
  const before = useExploreQuery(
    slug,
    shiftMs ? query : "",
    window.range,
    compareWindow(shiftMs, result.data),
    refreshMs,
  );
  if (result.isPending) return <Skeleton height={height} />;
  if (result.error)
    return (
      <div className="alert error panel-error" role="alert">
        {result.error.message}
      </div>
    );
  const data = result.data;
  if (data.series.length === 0)
    return (
      <div className="empty panel-empty" style={{ height }}>
        No data for this query in the window. Send samples with an ingest key to <code>/api/v1/metrics</code>.
      </div>
    );
  const o = panel.options;
  const format = (v: number) => formatUnit(v, o.unit, o.decimals);
  switch (panel.type) {
    case "stat": {
      const value = latestValue(data.series);
      const earlier = before.data ? latestValue(before.data.series) : null;
      return (
        <StatView
          value={formatUnit(value, o.unit, o.decimals)}
          change={changePercent(value, earlier)}
          points={summedPoints(data.series)}
          color={thresholdColor(value, o.thresholds)}
          height={height}
        />
      );
    }
    case "gauge": {
      const value = latestValue(data.series);
      return (
        <GaugeChart
          value={value}
          min={o.min ?? 0}
          max={o.max ?? 100}
          label={formatUnit(value, o.unit, o.decimals)}
          color={thresholdColor(value, o.thresholds)}
          height={height}
        />
      );
    }
    case "bar": {
      const bars = data.series
        .map((s, i) => ({ name: legendName(s.labels, panel.legend), value: lastOf(s.points) ?? 0, color: colorAt(i) }))
        .sort((a, b) => b.value - a.value);
      return <BarListChart bars={bars} format={format} height={height} />;
    }
    case "heatmap": {
      const cells = heatmap(data.series);
      if (!cells)
        return (
          <div className="empty panel-empty" style={{ height }}>
            A heatmap needs histogram buckets: a query whose series carry <code>le</code>, e.g.{" "}
            <code>sum by (le) (rate(http_request_duration_seconds_bucket[5m]))</code>.
          </div>
        );
      return <HeatmapChart data={cells} height={height} formatBound={(v) => formatUnit(v, o.unit, o.decimals)} />;
    }
    case "table":
      return (
        <div className="panel-table" style={{ maxHeight: height }}>
          <table>
            <thead>
              <tr>
                <th>Series</th>
                <th style={{ textAlign: "right" }}>Last</th>
              </tr>
            </thead>
            <tbody>
              {data.series.map((s) => {
                const v = lastOf(s.points);
                return (
                  <tr key={legendName(s.labels, "")}>
                    <td>
                      <code>{legendName(s.labels, panel.legend)}</code>
                    </td>
                    <td style={{ textAlign: "right", color: thresholdColor(v ?? null, o.thresholds) }}>
                      {formatUnit(v, o.unit, o.decimals)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      );
    default: {
      const earlier = before.data && shiftMs ? shifted(before.data.series, shiftMs) : [];
      const { rows, lines } = toChart(
        data.series,
        panel.legend,
        earlier,
        compare === "week" ? "a week ago" : "previous period",
      );
      return (
        <TimeSeriesChart
          rows={rows}
          series={lines}
          kind={o.style}
          format={format}
          height={height}
          legend={lines.length <= 8}
          domain={[data.start, window.fixed && window.fixed.to < data.now ? data.end : data.now]}
          thresholds={o.thresholds}
          annotations={annotations}
          onZoom={onZoom}
          onPick={onPick}
        />
      );
    }
  }
}
