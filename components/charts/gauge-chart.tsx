"use client";
import { Cell, Pie, PieChart, ResponsiveContainer } from "recharts";

/** A half-circle gauge from min to max, filled to the value in its threshold colour. */
export function GaugeChart({
  value,
  min,
  max,
  label,
  color = "#3a5ccc",
  height,
}: {
  value: number | null;
  min: number;
  max: number;
  label: string;
  color?: string;
  height: number;
}) {
  const span = max > min ? max - min : 1;
  const share = value === null ? 0 : Math.min(1, Math.max(0, (value - min) / span));
  const data = [{ v: share }, { v: 1 - share }];
  return (
    <div className="gauge" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={data}
            dataKey="v"
            startAngle={180}
            endAngle={0}
            cy="75%"
            innerRadius="70%"
            outerRadius="100%"
            stroke="none"
            isAnimationActive={false}
          >
            <Cell fill={color} />
            <Cell fill="#eceff3" />
          </Pie>
        </PieChart>
      </ResponsiveContainer>
      <div className="gauge-label" style={{ color }}>
        {label}
      </div>
    </div>
  );
}
