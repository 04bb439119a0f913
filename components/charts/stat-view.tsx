"use client";
import { Area, AreaChart, ResponsiveContainer, YAxis } from "recharts";

/** A big number with a sparkline behind it and its change against the previous period. */
export function StatView({
  value,
  change,
  points,
  color = "#3a5ccc",
  height,
}: {
  value: string;
  /** Percent change against the previous period, or null. */
  change: number | null;
  points: [number, number][];
  color?: string;
  height: number;
}) {
  const rows = points.map(([t, v]) => ({ t, v }));
  const arrow = change === null ? "" : change > 0 ? "▲" : change < 0 ? "▼" : "■";
  return (
    <div className="stat-view" style={{ height }}>
      <div className="stat-sparkline" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={rows} margin={{ top: 0, right: 0, bottom: 0, left: 0 }}>
            <YAxis hide domain={["dataMin", "dataMax"]} />
            <Area dataKey="v" stroke={color} fill={color} fillOpacity={0.12} isAnimationActive={false} dot={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <div className="stat-value" style={{ color }}>
        {value}
      </div>
      <div className="stat-change muted">
        {change === null
          ? "no previous period to compare"
          : `${arrow} ${Math.abs(change).toFixed(1)} % vs previous period`}
      </div>
    </div>
  );
}
