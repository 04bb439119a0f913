"use client";
import Link from "next/link";
import { QueryView } from "@/components/ui/query-view";
import { formatUnit } from "@/lib/format/units";
import { useSlowestRequestsQuery } from "@/lib/hooks/use-performance";
import type { PerformanceQueryInput } from "@/lib/schemas/performance";
import { formatMoment } from "@/lib/format/time";

/** The window's slowest requests; each opens its trace. */
export function SlowestRequests({ slug, filters }: { slug: string; filters: PerformanceQueryInput }) {
  const slowest = useSlowestRequestsQuery(slug, filters);
  return (
    <QueryView query={slowest} empty="No requests in this window.">
      {(rows) => (
        <table aria-label="Slowest requests">
          <thead>
            <tr>
              <th>When</th>
              <th>Route</th>
              <th>Service</th>
              <th>Status</th>
              <th className="num">Duration</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.traceId + r.time}>
                <td>
                  <Link href={`/${slug}/performance/traces/${encodeURIComponent(r.traceId)}`}>
                    {formatMoment(r.time)}
                  </Link>
                </td>
                <td>{r.route}</td>
                <td>{r.service}</td>
                <td>
                  <span className={`badge ${r.status === "error" ? "danger" : "ok"}`}>{r.status}</span>
                </td>
                <td className="num">{formatUnit(r.durationMs, "ms")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryView>
  );
}
