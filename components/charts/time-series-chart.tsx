"use client";
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartRow = { t: number } & Record<string, number>;
export type ChartSeries = { key: string; label?: string; color: string };

const PALETTE = ["#3a5ccc", "#1f8a4c", "#b7791f", "#c62f3b", "#7b4bc4", "#17869e"];
export const colorAt = (i: number) => PALETTE[i % PALETTE.length];

const formatTime = (t: number) =>
  new Date(t).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });

/** Lines or stacked areas over time. Only props: no fetching here. */
export function TimeSeriesChart({
  rows,
  series,
  kind = "line",
  unit = "",
  height = 220,
  legend = true,
  domain,
  threshold,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  kind?: "line" | "stacked";
  unit?: string;
  height?: number;
  /** Off when a table next to the chart names the series (many series make a legend unreadable). */
  legend?: boolean;
  /** The time window to draw (ms); by default the data's own extent. */
  domain?: [number, number];
  /** A horizontal line, e.g. an alert rule's threshold. */
  threshold?: number;
}) {
  const common = {
    data: rows,
    margin: { top: 8, right: 12, bottom: 0, left: 0 },
  };
  const axes = (
    <>
      <CartesianGrid stroke="#eceff3" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={domain ?? ["dataMin", "dataMax"]}
        tickFormatter={formatTime}
        minTickGap={48}
        fontSize={11}
      />
      <YAxis fontSize={11} width={60} tickFormatter={(v: number) => `${Math.round(v * 100) / 100}${unit}`} />
      <Tooltip
        labelFormatter={(t) => formatTime(Number(t))}
        formatter={(v) => `${Math.round(Number(v) * 100) / 100}${unit}`}
      />
      {legend && <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} />}
      {threshold !== undefined && Number.isFinite(threshold) && (
        <ReferenceLine
          y={threshold}
          stroke="#c62f3b"
          strokeDasharray="5 4"
          ifOverflow="extendDomain"
          label={{ value: `threshold ${threshold}`, position: "insideTopRight", fontSize: 11, fill: "#c62f3b" }}
        />
      )}
    </>
  );
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "stacked" ? (
          <AreaChart {...common}>
            {axes}
            {series.map((s) => (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.label ?? s.key}
                stackId="1"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.25}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        ) : (
          <LineChart {...common}>
            {axes}
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label ?? s.key}
                stroke={s.color}
                dot={false}
                strokeWidth={1.6}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
