"use client";
import { Skeleton } from "@/components/ui/skeleton";
import { useUrlParams } from "@/lib/hooks/use-url-params";
import { usePerformanceQuery } from "@/lib/hooks/use-performance";
import { EXPLORE_RANGES } from "@/lib/schemas/explore";
import type { PerformanceQueryInput } from "@/lib/schemas/performance";
import { PerformanceCharts } from "./performance-charts";
import { mostFailing, RoutesTable } from "./routes-table";
import { SlowestRequests } from "./slowest-requests";

/** Requests from spans: per service and route, over time, with the slowest traces; filters in the URL. */
export function PerformanceView({ slug }: { slug: string }) {
  const [params, go] = useUrlParams();
  const filters: PerformanceQueryInput = {
    range: (EXPLORE_RANGES as readonly string[]).includes(params.get("range") ?? "")
      ? (params.get("range") as PerformanceQueryInput["range"])
      : "1h",
    service: params.get("service") ?? undefined,
    route: params.get("route") ?? undefined,
  };
  const perf = usePerformanceQuery(slug, filters);
  const data = perf.data;

  return (
    <>
      <div className="card dashboard-toolbar">
        <nav aria-label="Breadcrumbs" className="breadcrumbs">
          <button type="button" className="link" onClick={() => go({ service: undefined, route: undefined })}>
            All services
          </button>
          {filters.service && (
            <>
              {" › "}
              <button type="button" className="link" onClick={() => go({ route: undefined })}>
                {filters.service}
              </button>
            </>
          )}
          {filters.route && <> › {filters.route}</>}
        </nav>
        <label>
          Service{" "}
          <select value={filters.service ?? ""} onChange={(e) => go({ service: e.target.value, route: undefined })}>
            <option value="">All</option>
            {data?.services.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Range{" "}
          <select value={filters.range} onChange={(e) => go({ range: e.target.value })}>
            {EXPLORE_RANGES.map((r) => (
              <option key={r} value={r}>
                Last {r}
              </option>
            ))}
          </select>
        </label>
        {perf.isFetching && <span className="muted">Updating…</span>}
      </div>
      {perf.error ? (
        <div className="alert error" role="alert">
          Could not load performance: {perf.error.message}
        </div>
      ) : !data ? (
        <div className="grid cols-2">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={262} />
          ))}
        </div>
      ) : data.routes.length === 0 ? (
        <div className="card empty">
          No requests in this window{filters.service ? ` for ${filters.service}` : ""}. Send traces with an ingest key
          to <code>/api/otlp/v1/traces</code> (OTLP, protobuf or JSON): server spans, or each trace&apos;s root span,
          count as requests, named by <code>http.route</code>.
        </div>
      ) : (
        <>
          <PerformanceCharts data={data} />
          <div className="card">
            <h3>{filters.route ? "This route" : "Slowest routes"}</h3>
            <RoutesTable
              caption="Routes by p95 latency"
              routes={data.routes.slice(0, 20)}
              onPick={(r) => go({ service: r.service, route: r.route })}
            />
          </div>
          {!filters.route && mostFailing(data.routes).length > 0 && (
            <div className="card">
              <h3>Most failing routes</h3>
              <RoutesTable
                caption="Routes by error rate"
                routes={mostFailing(data.routes)}
                onPick={(r) => go({ service: r.service, route: r.route })}
              />
            </div>
          )}
          <div className="card">
            <h3>Slowest requests{filters.route ? ` of ${filters.route}` : ""}</h3>
            <SlowestRequests slug={slug} filters={filters} />
          </div>
        </>
      )}
    </>
  );
}
