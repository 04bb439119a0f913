"use client";
import { TimeSeriesChart, type ChartRow } from "@/components/charts/time-series-chart";
import { performanceRows } from "@/lib/apm/chart-rows";
import { formatUnit } from "@/lib/format/units";
import type { PerformanceDto } from "@/lib/schemas/performance";

const WEEK = "#9aa3b2";

/** Latency percentiles, throughput, error rate and Apdex over the window, with last week dashed. */
export function PerformanceCharts({ data }: { data: PerformanceDto }) {
  const rows = performanceRows(data.buckets, data.weekAgo, data.stepMs) as ChartRow[];
  const domain: [number, number] = [data.start, data.end];
  const ms = (v: number) => formatUnit(v, "ms");
  return (
    <div className="grid cols-2">
      <div className="card">
        <h3>Latency</h3>
        <TimeSeriesChart
          rows={rows}
          domain={domain}
          format={ms}
          series={[
            { key: "p50", label: "p50", color: "#1f8a4c" },
            { key: "p95", label: "p95", color: "#3a5ccc" },
            { key: "p99", label: "p99", color: "#c62f3b" },
            { key: "weekP95", label: "p95 a week ago", color: WEEK, dashed: true },
          ]}
        />
      </div>
      <div className="card">
        <h3>Throughput</h3>
        <TimeSeriesChart
          rows={rows}
          domain={domain}
          format={(v) => `${formatUnit(v)}/min`}
          series={[
            { key: "rpm", label: "requests/min", color: "#3a5ccc" },
            { key: "weekRpm", label: "a week ago", color: WEEK, dashed: true },
          ]}
        />
      </div>
      <div className="card">
        <h3>Error rate</h3>
        <TimeSeriesChart
          rows={rows}
          domain={domain}
          kind="area"
          format={(v) => formatUnit(v, "percent")}
          series={[{ key: "errorPct", label: "failed requests", color: "#c62f3b" }]}
        />
      </div>
      <div className="card">
        <h3>
          Apdex <span className="muted">(T = {data.apdexMs} ms)</span>
        </h3>
        <TimeSeriesChart
          rows={rows}
          domain={domain}
          format={(v) => v.toFixed(2)}
          thresholds={[{ value: 0.85, color: "#b7791f" }]}
          series={[{ key: "apdex", label: "Apdex", color: "#1f8a4c" }]}
        />
      </div>
    </div>
  );
}
