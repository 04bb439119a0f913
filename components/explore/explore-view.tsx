"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import Link from "next/link";
import { PanelView } from "@/components/dashboards/panel-view";
import { PromQLEditor } from "@/components/ui/promql-editor";
import { RANGE_MS } from "@/lib/explore/time-range";
import { PANEL_TYPE_LABELS, PANEL_TYPES, type Panel, type PanelType } from "@/lib/schemas/dashboards";
import { Skeleton } from "@/components/ui/skeleton";
import { useExploreQuery, useMetricNamesQuery } from "@/lib/hooks/use-explore";
import { EXPLORE_RANGES, type ExploreRange, type ExploreResult, type FixedWindow } from "@/lib/schemas/explore";
import { seriesName, toChart } from "@/components/charts/series-rows";
import { formatWhen } from "@/lib/format/time";

const CHART_HEIGHT = 280;

/** A fixed window from the URL (from/to in ms), as alert mails and incidents link to. */
function fixedFrom(params: URLSearchParams): FixedWindow | undefined {
  const from = Number(params.get("from"));
  const to = Number(params.get("to"));
  return from > 0 && to > from ? { from, to } : undefined;
}

/** Ad-hoc PromQL over a relative range or a fixed window; both live in the URL, so a view can be shared. */
export function ExploreView({ slug }: { slug: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = params.get("q") ?? "";
  const range = (EXPLORE_RANGES as readonly string[]).includes(params.get("range") ?? "")
    ? (params.get("range") as ExploreRange)
    : "1h";
  const fixed = fixedFrom(params);
  const viz = (PANEL_TYPES as readonly string[]).includes(params.get("viz") ?? "")
    ? (params.get("viz") as PanelType)
    : "timeseries";
  const [draft, setDraft] = useState(query);
  const result = useExploreQuery(slug, query, range, fixed);
  const names = useMetricNamesQuery(slug);

  const show = (q: string, r: ExploreRange, window = fixed, v: PanelType = viz) =>
    router.replace(
      `${pathname}?${new URLSearchParams({
        q,
        range: r,
        ...(window ? { from: String(window.from), to: String(window.to) } : {}),
        ...(v !== "timeseries" ? { viz: v } : {}),
      })}`,
    );
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (draft.trim() === query && result.data) void result.refetch();
    else show(draft.trim(), range);
  };

  return (
    <>
      <form className="card explore-form" onSubmit={submit}>
        <span className="label" id="promql-label">
          PromQL query <span className="muted">· Ctrl+Enter runs it; names complete as you type</span>
        </span>
        <PromQLEditor slug={slug} value={draft} onChange={setDraft} onSubmit={() => submit()} />
        <div className="explore-controls">
          <label>
            Metric{" "}
            <select
              value=""
              onChange={(e) => e.target.value && setDraft(e.target.value)}
              aria-label="Start from a metric"
              disabled={!names.data?.length}
            >
              <option value="">
                {names.data?.length
                  ? `${names.data.length} metric${names.data.length === 1 ? "" : "s"}…`
                  : "No metrics yet"}
              </option>
              {names.data?.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            Range{" "}
            <select
              value={fixed ? "" : range}
              onChange={(e) => show(query || draft.trim(), e.target.value as ExploreRange, undefined)}
            >
              {fixed && <option value="">{`${formatWhen(fixed.from)} – ${formatWhen(fixed.to)}`}</option>}
              {EXPLORE_RANGES.map((r) => (
                <option key={r} value={r}>
                  Last {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            Show as{" "}
            <select value={viz} onChange={(e) => show(query, range, fixed, e.target.value as PanelType)}>
              {PANEL_TYPES.map((t) => (
                <option key={t} value={t}>
                  {PANEL_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={draft.trim() === ""}>
            Run query
          </button>
          <span className="muted">Ctrl+Enter runs it</span>
        </div>
      </form>
      {query && (
        <div className="explore-links">
          <Link href={drillHref(slug, query, range, fixed)}>Drill down: what changed most, raw samples →</Link>
        </div>
      )}
      {viz === "timeseries" || !query ? (
        <ExploreResults query={query} range={range} fixed={fixed} result={result} />
      ) : (
        <div className="card">
          <PanelView
            slug={slug}
            panel={explorePanel(viz, query)}
            query={query}
            window={{ range, fixed }}
            height={CHART_HEIGHT + 40}
          />
        </div>
      )}
    </>
  );
}

function ExploreResults({
  query,
  range,
  fixed,
  result,
}: {
  query: string;
  range: ExploreRange;
  fixed?: FixedWindow;
  result: ReturnType<typeof useExploreQuery>;
}) {
  if (!query)
    return (
      <div className="empty">
        Type a PromQL query, or pick a metric above. Try <code>up</code> or{" "}
        <code>sum by (route) (rate(http_requests_total[5m]))</code>.
      </div>
    );
  if (result.isPending) return <Skeleton height={CHART_HEIGHT + 120} />;
  if (result.error)
    return (
      <div className="alert error" role="alert">
        <strong>The query failed.</strong> {result.error.message}
      </div>
    );
  const data: ExploreResult = result.data;
  if (data.series.length === 0)
    return (
      <div className="empty">
        No data for <code>{query}</code>{" "}
        {fixed ? `between ${formatWhen(fixed.from)} and ${formatWhen(fixed.to)}` : `in the last ${range}`}. Check the
        metric name and labels, pick a longer range, or send samples to <code>/api/v1/metrics</code> or{" "}
        <code>/api/v1/write</code> with an ingest key.
      </div>
    );
  const { rows, lines } = toChart(data.series);
  return (
    <div className="card" aria-busy={result.isFetching}>
      <div className="muted explore-summary">
        {data.series.length} series{data.omitted ? ` (the ${data.omitted} smallest not shown)` : ""} · step{" "}
        {data.stepMs / 1000}s · read {data.resolution.join(" + ") || "nothing"}
      </div>
      <TimeSeriesChart
        rows={rows}
        series={lines}
        height={CHART_HEIGHT}
        legend={lines.length <= 8}
        domain={[data.start, fixed && fixed.to < data.now ? data.end : data.now]}
      />
      <table className="explore-table">
        <thead>
          <tr>
            <th>Series</th>
            <th style={{ textAlign: "right" }}>Last value</th>
          </tr>
        </thead>
        <tbody>
          {data.series.map((s, i) => (
            <tr key={seriesName(s.labels)}>
              <td>
                <span className="swatch" style={{ background: lines[i].color }} aria-hidden="true" />
                <code>{seriesName(s.labels)}</code>
              </td>
              <td style={{ textAlign: "right" }}>{formatValue(s.points.at(-1)?.[1])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The query as a dashboard panel of another kind (stat, gauge, bar, table, heatmap). */
const explorePanel = (type: PanelType, query: string): Panel => ({
  id: "explore",
  title: "",
  type,
  query,
  legend: "",
  layout: { x: 0, y: 0, w: 12, h: 8 },
  options: { unit: "none", style: "line", compare: "none", thresholds: [] },
});

function drillHref(slug: string, q: string, range: ExploreRange, fixed?: FixedWindow) {
  const to = fixed?.to ?? Date.now();
  const from = fixed?.from ?? to - RANGE_MS[range];
  return `/${slug}/drilldown?${new URLSearchParams({ q, from: String(from), to: String(to), title: "Explore", back: `/${slug}/explore?${new URLSearchParams({ q, range })}` })}`;
}

const formatValue = (v?: number) =>
  v === undefined ? "–" : Number.isFinite(v) ? v.toLocaleString(undefined, { maximumFractionDigits: 4 }) : String(v);
