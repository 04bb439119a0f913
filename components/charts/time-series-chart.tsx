"use client";
import { useState } from "react";
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartRow = { t: number } & Record<string, number>;
/** `dashed`: a comparison line (the previous period, a week ago). */
export type ChartSeries = { key: string; label?: string; color: string; dashed?: boolean };
/** A moment to mark: `short` is drawn on the chart; `text` says what happened (listed by the caller). */
export type ChartAnnotation = { t: number; color: string; text: string; short?: string };
export type ChartKind = "line" | "area" | "stacked" | "bars";

const PALETTE = ["#3a5ccc", "#1f8a4c", "#b7791f", "#c62f3b", "#7b4bc4", "#17869e"];
export const colorAt = (i: number) => PALETTE[i % PALETTE.length];

const formatTime = (t: number) =>
  new Date(t).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
const plain = (v: number) => String(Math.round(v * 100) / 100);

/** Lines, areas, stacked areas or bars over time. Only props: no fetching here. */
export function TimeSeriesChart({
  rows,
  series,
  kind = "line",
  unit = "",
  format,
  height = 220,
  legend = true,
  domain,
  threshold,
  thresholds = [],
  annotations = [],
  onZoom,
  onPick,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  kind?: ChartKind;
  /** A suffix for plain numbers (" ms"); `format` replaces it. */
  unit?: string;
  format?: (v: number) => string;
  height?: number;
  /** Off when a table next to the chart names the series (many series make a legend unreadable). */
  legend?: boolean;
  /** The time window to draw (ms); by default the data's own extent. */
  domain?: [number, number];
  /** A horizontal line, e.g. an alert rule's threshold. */
  threshold?: number;
  /** Coloured horizontal lines (a panel's thresholds). */
  thresholds?: { value: number; color: string }[];
  /** Vertical marks at moments: alert transitions, deploys. */
  annotations?: ChartAnnotation[];
  /** Dragging across the chart selects a window (ms); without it the chart does not zoom. */
  onZoom?: (from: number, to: number) => void;
  /** A click (not a drag) on the chart, at the time under the pointer. */
  onPick?: (t: number) => void;
}) {
  // Clicking a legend entry hides that series; clicking again shows it.
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  // A drag in progress: where it started and where the pointer is.
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const at = (e: { activeLabel?: string | number } | null) =>
    e?.activeLabel === undefined ? undefined : Number(e.activeLabel);
  const endDrag = () => {
    if (drag && drag.from !== drag.to) onZoom?.(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to));
    else if (drag) onPick?.(drag.from);
    setDrag(null);
  };
  const show = format ?? ((v: number) => `${plain(v)}${unit}`);
  const stacked = kind === "stacked" || kind === "bars";
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          style={onZoom || onPick ? { cursor: "crosshair", userSelect: "none" } : undefined}
          onMouseDown={(e) => {
            const t = at(e);
            if ((onZoom || onPick) && t !== undefined) setDrag({ from: t, to: t });
          }}
          onMouseMove={(e) => {
            const t = at(e);
            if (drag && onZoom && t !== undefined) setDrag({ ...drag, to: t });
          }}
          onMouseUp={endDrag}
          onMouseLeave={() => setDrag(null)}
        >
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
          <YAxis fontSize={11} width={64} tickFormatter={(v: number) => show(v)} />
          <Tooltip labelFormatter={(t) => formatTime(Number(t))} formatter={(v) => show(Number(v))} />
          {legend && (
            <Legend
              iconType="plainline"
              wrapperStyle={{ fontSize: 12, cursor: "pointer" }}
              onClick={(entry) => toggle(String(entry.dataKey))}
              formatter={(value, entry) => (
                <span style={{ opacity: hidden.has(String(entry.dataKey)) ? 0.4 : 1 }}>{value}</span>
              )}
            />
          )}
          {threshold !== undefined && Number.isFinite(threshold) && (
            <ReferenceLine
              y={threshold}
              stroke="#c62f3b"
              strokeDasharray="5 4"
              ifOverflow="extendDomain"
              label={{ value: `threshold ${threshold}`, position: "insideTopRight", fontSize: 11, fill: "#c62f3b" }}
            />
          )}
          {annotations.map((a) => (
            <ReferenceLine
              key={`${a.t}${a.text}`}
              x={a.t}
              stroke={a.color}
              strokeDasharray="2 3"
              ifOverflow="hidden"
              label={{ value: a.short ?? "", position: "insideTopLeft", fontSize: 10, fill: a.color }}
            />
          ))}
          {drag && drag.from !== drag.to && (
            <ReferenceArea x1={drag.from} x2={drag.to} fill="#3a5ccc" fillOpacity={0.12} ifOverflow="hidden" />
          )}
          {thresholds.map((t) => (
            <ReferenceLine key={`${t.value}${t.color}`} y={t.value} stroke={t.color} strokeDasharray="5 4" />
          ))}
          {series.map((s) => {
            const common = {
              dataKey: s.key,
              name: s.label ?? s.key,
              hide: hidden.has(s.key),
              isAnimationActive: false,
            };
            if (kind === "bars") return <Bar key={s.key} {...common} stackId="1" fill={s.color} />;
            if (kind === "line" || s.dashed)
              return (
                <Line
                  key={s.key}
                  {...common}
                  stroke={s.color}
                  dot={false}
                  strokeWidth={1.6}
                  strokeDasharray={s.dashed ? "5 4" : undefined}
                  // A comparison line is drawn through steps it lacks rather than broken up.
                  connectNulls={s.dashed}
                />
              );
            return (
              <Area
                key={s.key}
                {...common}
                stackId={stacked ? "1" : undefined}
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.22}
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
