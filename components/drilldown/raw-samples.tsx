"use client";
import Link from "next/link";
import { seriesName } from "@/components/charts/series-rows";
import { Skeleton } from "@/components/ui/skeleton";
import { useDrillSamplesQuery } from "@/lib/hooks/use-drilldown";
import { drillLabels } from "@/lib/schemas/drilldown";
import { apiSearch, type DrillState } from "./drill-steps";
import { formatMoment } from "@/lib/format/time";

/** The stored samples behind the step, newest first; traces of the service when the labels name one. */
export function RawSamples({ slug, state }: { slug: string; state: DrillState }) {
  const raw = useDrillSamplesQuery(slug, apiSearch(state));
  const labels = drillLabels(state.m);
  const traces = labels.service
    ? `/${slug}/performance?${new URLSearchParams({ service: labels.service, ...(labels.route ? { route: labels.route } : {}) })}`
    : undefined;
  if (raw.isPending) return <Skeleton height={300} />;
  if (raw.error)
    return (
      <div className="alert error" role="alert">
        {raw.error.message}
      </div>
    );
  return (
    <div className="card">
      <h3>Raw samples</h3>
      <p className="muted">
        From{" "}
        {raw.data.selectors.map((s) => (
          <code key={s}>{s} </code>
        ))}
        {raw.data.truncated && " · the newest 500"}
        {traces && (
          <>
            {" · "}
            <Link href={traces}>Requests and traces of {labels.service}</Link>
          </>
        )}
      </p>
      {raw.data.samples.length === 0 ? (
        <div className="empty">No samples stored in this window for these series.</div>
      ) : (
        <table aria-label="Raw samples">
          <thead>
            <tr>
              <th>Time</th>
              <th>Series</th>
              <th className="num">Value</th>
            </tr>
          </thead>
          <tbody>
            {raw.data.samples.map((s, i) => (
              <tr key={i}>
                <td>{formatMoment(s.t)}</td>
                <td>
                  <code>{seriesName(s.labels)}</code>
                </td>
                <td className="num">{s.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
