"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** The latest value per series as horizontal bars, largest first. */
export function BarListChart({
  bars,
  format,
  height,
}: {
  bars: { name: string; value: number; color: string }[];
  format: (v: number) => string;
  height: number;
}) {
  // Room for the longest name (about 6.5 px a character at 11 px), within reason.
  const labelWidth = Math.min(260, Math.max(60, Math.max(...bars.map((b) => b.name.length)) * 6.5));
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#eceff3" horizontal={false} />
          <XAxis type="number" fontSize={11} tickFormatter={(v: number) => format(v)} />
          <YAxis type="category" dataKey="name" width={labelWidth} fontSize={11} />
          <Tooltip formatter={(v) => format(Number(v))} />
          <Bar dataKey="value" isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.name} fill={b.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
