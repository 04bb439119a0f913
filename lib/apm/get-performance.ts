// The Performance view's data: request statistics per route and over time for a window,
// the same window a week earlier for the overlay, the slowest requests, and one trace.
import { notFound } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/auth/tenant";
import { rangeWindow } from "@/lib/explore/time-range";
import type { PerformanceDto, PerformanceQuery, TraceSummaryDto } from "@/lib/schemas/performance";
import { appSeriesDb } from "@/lib/series/series-db";
import { requestBuckets, requestServices, routeStats, slowestRequests, traceSpans } from "./request-queries";
import { waterfall } from "./waterfall";

const WEEK_MS = 7 * 86_400_000;
/** Fewer, fuller buckets than Explore: a percentile of a handful of requests is noise. */
const POINTS = 60;

const windowOf = (q: PerformanceQuery, now: number) => {
  const w = rangeWindow(q.range, now, POINTS);
  // The bucket in progress is included: a live view shows the last minutes.
  return { ...w, end: w.end + w.stepMs };
};

export async function getPerformance(tenant: TenantContext, q: PerformanceQuery, now = Date.now()) {
  const db = await appSeriesDb();
  const w = windowOf(q, now);
  const filter = { from: new Date(w.start), to: new Date(w.end), service: q.service, route: q.route };
  const lastWeek = { ...filter, from: new Date(w.start - WEEK_MS), to: new Date(w.end - WEEK_MS) };
  const [services, routes, buckets, weekAgo] = await Promise.all([
    requestServices(tenant, db, filter),
    routeStats(tenant, db, filter, q.apdexMs),
    requestBuckets(tenant, db, filter, w.stepMs, q.apdexMs),
    requestBuckets(tenant, db, lastWeek, w.stepMs, q.apdexMs),
  ]);
  const result: PerformanceDto = {
    ...w,
    apdexMs: q.apdexMs,
    services,
    routes,
    buckets,
    weekAgo: weekAgo.map((b) => ({ ...b, t: b.t + WEEK_MS })),
  };
  return result;
}

export async function getSlowestRequests(
  tenant: TenantContext,
  q: PerformanceQuery,
  now = Date.now(),
): Promise<TraceSummaryDto[]> {
  const w = windowOf(q, now);
  return slowestRequests(tenant, await appSeriesDb(), {
    from: new Date(w.start),
    to: new Date(w.end),
    service: q.service,
    route: q.route,
  });
}

export async function getTrace(tenant: TenantContext, traceId: string) {
  const spans = await traceSpans(tenant, await appSeriesDb(), traceId);
  if (spans.length === 0) throw notFound("Trace");
  return { traceId, ...waterfall(spans) };
}
