// A line chart as an SVG string (pure), for places without a browser: emails and reports.
// Lines, a dashed threshold, a shaded marker (e.g. the firing time), axis labels in UTC.
import { escapeHtml } from "./escape-html";
export type ChartLine = { name: string; points: { t: number; v: number }[] };
export type LineChartSpec = {
  lines: ChartLine[];
  width?: number;
  height?: number;
  threshold?: number;
  /** A time to mark with a vertical line (ms). */
  marker?: number;
  title?: string;
};

const PALETTE = ["#3a5ccc", "#d9480f", "#2b8a3e", "#862e9c", "#c2255c", "#0b7285", "#e67700", "#5c940d"];

/** Short labels: 1.2k, 3.4M, 0.05. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toPrecision(3)}G`;
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toPrecision(3)}k`;
  return `${+v.toPrecision(3)}`;
}

const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);

export function lineChartSvg(spec: LineChartSpec): string {
  const width = spec.width ?? 600;
  const height = spec.height ?? 220;
  const pad = { left: 48, right: 12, top: spec.title ? 26 : 10, bottom: 24 };
  const points = spec.lines.flatMap((l) => l.points).filter((p) => Number.isFinite(p.v));
  const ts = points.map((p) => p.t);
  const vs = points.map((p) => p.v).concat(spec.threshold === undefined ? [] : [spec.threshold]);
  const marker = Number.isFinite(spec.marker) ? spec.marker : undefined;
  const t0 = Math.min(...ts, marker ?? Infinity);
  const t1 = Math.max(...ts, marker ?? -Infinity);
  let v0 = Math.min(...vs, 0);
  let v1 = Math.max(...vs);
  if (!(v1 > v0)) [v0, v1] = [v0 - 1, v0 + 1];
  const x = (t: number) => pad.left + ((t - t0) / Math.max(1, t1 - t0)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - v0) / (v1 - v0)) * (height - pad.top - pad.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  if (spec.title)
    parts.push(`<text x="${pad.left}" y="16" font-size="13" fill="#222">${escapeHtml(spec.title)}</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = v0 + ((v1 - v0) * i) / 4;
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#eee"/>`,
      `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#666">${shortNumber(v)}</text>`,
    );
  }
  if (Number.isFinite(t0) && Number.isFinite(t1))
    for (const [t, anchor] of [
      [t0, "start"],
      [(t0 + t1) / 2, "middle"],
      [t1, "end"],
    ] as const)
      parts.push(
        `<text x="${x(t).toFixed(1)}" y="${height - 6}" text-anchor="${anchor}" fill="#666">${hhmm(t)} UTC</text>`,
      );
  if (marker !== undefined)
    parts.push(
      `<line x1="${x(marker).toFixed(1)}" x2="${x(marker).toFixed(1)}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="#f08c00" stroke-width="1.5"/>`,
    );
  if (spec.threshold !== undefined)
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(spec.threshold).toFixed(1)}" y2="${y(spec.threshold).toFixed(1)}" stroke="#c92a2a" stroke-dasharray="5 4"/>`,
    );
  spec.lines.forEach((line, i) => {
    // A gap in the data (NaN, or a missing step) breaks the line instead of bridging it.
    const d = line.points
      .map((p, j) =>
        Number.isFinite(p.v)
          ? `${j === 0 || !Number.isFinite(line.points[j - 1].v) ? "M" : "L"}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`
          : "",
      )
      .join("");
    if (d) parts.push(`<path d="${d}" fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="2"/>`);
  });
  if (points.length === 0)
    parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="#999">No data</text>`);
  parts.push("</svg>");
  return parts.join("\n");
}
