"use client";
import { formatUnit } from "@/lib/format/units";
import type { RouteStatsDto } from "@/lib/schemas/performance";

const pct = (r: RouteStatsDto) => (r.count ? (100 * r.errors) / r.count : 0);

/** Routes with their numbers; a click narrows the view to one. */
export function RoutesTable({
  routes,
  caption,
  onPick,
}: {
  routes: RouteStatsDto[];
  caption: string;
  onPick: (r: RouteStatsDto) => void;
}) {
  return (
    <table aria-label={caption}>
      <thead>
        <tr>
          <th>Route</th>
          <th>Service</th>
          <th className="num">Requests</th>
          <th className="num">Errors</th>
          <th className="num">p50</th>
          <th className="num">p95</th>
          <th className="num">p99</th>
          <th className="num">Apdex</th>
        </tr>
      </thead>
      <tbody>
        {routes.map((r) => (
          <tr key={`${r.service} ${r.route}`}>
            <td>
              <button type="button" className="link" onClick={() => onPick(r)}>
                {r.route}
              </button>
            </td>
            <td>{r.service}</td>
            <td className="num">{Math.round(r.count).toLocaleString()}</td>
            <td className="num" style={{ color: pct(r) >= 5 ? "#c62f3b" : undefined }}>
              {formatUnit(pct(r), "percent", 1)}
            </td>
            <td className="num">{formatUnit(r.p50, "ms")}</td>
            <td className="num">{formatUnit(r.p95, "ms")}</td>
            <td className="num">{formatUnit(r.p99, "ms")}</td>
            <td className="num" style={{ color: r.apdex < 0.85 ? "#b7791f" : undefined }}>
              {r.apdex.toFixed(2)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The routes failing most, by error rate (those that failed at all). */
export const mostFailing = (routes: RouteStatsDto[], n = 5) =>
  routes
    .filter((r) => r.errors > 0)
    .sort((a, b) => pct(b) - pct(a) || b.errors - a.errors)
    .slice(0, n);
