"use client";
import type { Heatmap } from "@/lib/dashboards/heatmap";

// The cells stretch to the panel (the SVG keeps no aspect ratio); the labels are HTML, so
// their text never stretches with them.
const W = 1000;
const AXIS = 18;

const time = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** Buckets (rows) over time (columns), darker where more observations fell. Only props. */
export function HeatmapChart({
  data,
  height,
  formatBound,
}: {
  data: Heatmap;
  height: number;
  /** How a bucket's upper bound reads, e.g. 250 ms. */
  formatBound: (v: number) => string;
}) {
  const plotH = Math.max(40, height - AXIS);
  const colW = W / Math.max(1, data.times.length);
  const rowH = plotH / data.bounds.length;
  const column = new Map(data.times.map((t, i) => [t, i]));
  const every = Math.max(1, Math.ceil(data.times.length / 5));
  const bound = (i: number) => (Number.isFinite(data.bounds[i]) ? `≤ ${formatBound(data.bounds[i])}` : "more");
  return (
    <div className="heatmap" style={{ height }} role="img" aria-label="Latency heatmap">
      <div className="heatmap-y" style={{ height: plotH }}>
        {data.bounds.map((b, i) => (
          <span key={b}>{bound(i)}</span>
        ))}
      </div>
      <svg viewBox={`0 0 ${W} ${plotH}`} width="100%" height={plotH} preserveAspectRatio="none">
        {data.cells.map((c) =>
          c.value > 0 ? (
            <rect
              key={`${c.t}-${c.bucket}`}
              x={column.get(c.t)! * colW}
              y={plotH - (c.bucket + 1) * rowH}
              width={colW + 0.5}
              height={rowH + 0.5}
              fill="#3a5ccc"
              fillOpacity={0.08 + 0.92 * (c.value / (data.max || 1))}
            >
              <title>{`${time(c.t)} · ${bound(c.bucket)}: ${Number(c.value.toPrecision(4))}`}</title>
            </rect>
          ) : null,
        )}
      </svg>
      <span />
      <div className="heatmap-x">
        {data.times
          .filter((_, i) => i % every === 0)
          .map((t) => (
            <span key={t}>{time(t)}</span>
          ))}
      </div>
    </div>
  );
}
