"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { seriesName, toChart } from "@/components/charts/series-rows";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Skeleton } from "@/components/ui/skeleton";
import { drillQuery } from "@/lib/explore/drill-query";
import { useDrillQuery } from "@/lib/hooks/use-drilldown";
import { useExploreQuery } from "@/lib/hooks/use-explore";
import { drillLabels } from "@/lib/schemas/drilldown";
import { apiSearch, crumbs, drillSearch, drillState, type DrillState } from "./drill-steps";
import { RawSamples } from "./raw-samples";
import { WhatChanged } from "./what-changed";
import { formatWhen } from "@/lib/format/time";

/** Text of the query a step charts; a query that does not parse is shown as it is (the API explains). */
function stepQuery(s: DrillState) {
  try {
    return drillQuery(s.q, drillLabels(s.m), s.by);
  } catch {
    return s.q;
  }
}

/** From a panel's query to the cause: narrow to a series, break down by the label that changed most, read the raw samples. */
export function DrilldownView({ slug }: { slug: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const state = drillState(params);
  const go = (next: DrillState) => router.push(`/${slug}/drilldown?${drillSearch(next)}`);
  const query = stepQuery(state);
  const valid = state.q !== "" && state.from > 0 && state.to > state.from;
  const chart = useExploreQuery(slug, valid && !state.view ? query : "", "1h", { from: state.from, to: state.to });
  const drill = useDrillQuery(slug, apiSearch(state), valid && !state.view && !state.by);

  if (!valid)
    return (
      <div className="card empty">
        Nothing to drill into: open this page by clicking a chart on a dashboard, or from Explore.
      </div>
    );
  return (
    <>
      <div className="card dashboard-toolbar">
        <nav aria-label="Breadcrumbs" className="breadcrumbs">
          {state.back && (
            <>
              <Link href={state.back}>{state.title ?? "Back"}</Link>
              {" › "}
            </>
          )}
          {crumbs(state).map((c, i) => (
            <span key={i}>
              {i > 0 && " › "}
              {c.state ? (
                <Link href={`/${slug}/drilldown?${drillSearch(c.state)}`}>{c.text}</Link>
              ) : (
                <strong>{c.text}</strong>
              )}
            </span>
          ))}
        </nav>
        <span className="muted">
          {formatWhen(state.from)} – {formatWhen(state.to)}
        </span>
        {!state.view && (
          <button type="button" onClick={() => go({ ...state, view: "samples" })}>
            Raw samples
          </button>
        )}
      </div>
      {state.view === "samples" ? (
        <RawSamples slug={slug} state={state} />
      ) : (
        <>
          <div className="card">
            <p>
              <code>{query}</code>
            </p>
            {chart.isPending ? (
              <Skeleton height={260} />
            ) : chart.error ? (
              <div className="alert error" role="alert">
                {chart.error.message}
              </div>
            ) : (
              <DrillChart
                data={chart.data}
                by={state.by}
                onZoom={(from, to) => go({ ...state, from: Math.round(from), to: Math.round(to) })}
                onNarrow={(labels) =>
                  go({
                    ...state,
                    m: [...state.m, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)],
                    by: undefined,
                  })
                }
              />
            )}
          </div>
          {!state.by && <WhatChanged drill={drill} onBreakDown={(label) => go({ ...state, by: label })} />}
        </>
      )}
    </>
  );
}

function DrillChart({
  data,
  by,
  onZoom,
  onNarrow,
}: {
  data: NonNullable<ReturnType<typeof useExploreQuery>["data"]>;
  by?: string;
  onZoom: (from: number, to: number) => void;
  /** Narrow the next steps to these label values. */
  onNarrow: (labels: Record<string, string>) => void;
}) {
  if (data.series.length === 0) return <div className="empty">No data for this step in the window.</div>;
  const { rows, lines } = toChart(data.series, by ? `{{${by}}}` : "");
  return (
    <>
      <TimeSeriesChart rows={rows} series={lines} height={260} legend={lines.length <= 8} onZoom={onZoom} />
      {(by || data.series.length > 1) && (
        <table aria-label={by ? `Series by ${by}` : "Series"}>
          <thead>
            <tr>
              <th>{by ?? "Series"}</th>
              <th className="num">Last</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {data.series.map((s) => {
              const { __name__: _name, ...labels } = s.labels;
              const chosen = by ? (labels[by] ? { [by]: labels[by] } : {}) : labels;
              const text = by ? (labels[by] ?? "") : seriesName(labels);
              const last = s.points.findLast((p) => Number.isFinite(p[1]))?.[1];
              return (
                <tr key={seriesName(s.labels)}>
                  <td>
                    <code>{text || "(none)"}</code>
                  </td>
                  <td className="num">{last === undefined ? "–" : Number(last.toPrecision(4))}</td>
                  <td>
                    {Object.keys(chosen).length > 0 && (
                      <button type="button" className="link" onClick={() => onNarrow(chosen)}>
                        Narrow to {seriesName(chosen)}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
