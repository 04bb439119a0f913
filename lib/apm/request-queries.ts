// Request statistics from spans, in SQL: a request is a server span or a trace's root span,
// named by its route (or its name). Percentiles are weighted by sample_weight — sampling keeps
// every slow and failing span, so unweighted percentiles would overstate latency.
import type { TenantContext } from "@/lib/auth/tenant";
import { bucketExpression } from "@/lib/db/dialect";
import type { RequestBucketDto, RouteStatsDto, SpanDto, TraceSummaryDto } from "@/lib/schemas/performance";
import type { SeriesDb } from "@/lib/series/series-db";

export type RequestFilter = { from: Date; to: Date; service?: string; route?: string };

const ROUTE = "coalesce(route, name)";
// $1 client, $2 from, $3 to, $4 service or null, $5 route or null.
const REQUESTS = `FROM series.spans
  WHERE client_id = $1 AND time >= $2 AND time < $3 AND (kind = 'server' OR parent_span_id IS NULL)
    AND ($4::text IS NULL OR service = $4) AND ($5::text IS NULL OR ${ROUTE} = $5)`;

const filterParams = (tenant: TenantContext, f: RequestFilter) => [
  tenant.clientId,
  f.from.toISOString(),
  f.to.toISOString(),
  f.service ?? null,
  f.route ?? null,
];

/** Weighted statistics per group; `$6` is the Apdex threshold in ms. */
const statsSql = (groupColumns: string, groupBy: string) => `
  WITH req AS (
    SELECT ${groupColumns}, duration_ms AS d, sample_weight AS w, status = 'error' AS err ${REQUESTS}
  ), ranked AS (
    SELECT *, sum(w) OVER (PARTITION BY ${groupBy} ORDER BY d ROWS UNBOUNDED PRECEDING) AS cum,
              sum(w) OVER (PARTITION BY ${groupBy}) AS total
      FROM req
  )
  SELECT ${groupBy}, max(total)::float8 AS count,
         coalesce(sum(w) FILTER (WHERE err), 0)::float8 AS errors,
         min(d) FILTER (WHERE cum >= 0.50 * total)::float8 AS p50,
         min(d) FILTER (WHERE cum >= 0.95 * total)::float8 AS p95,
         min(d) FILTER (WHERE cum >= 0.99 * total)::float8 AS p99,
         (coalesce(sum(w) FILTER (WHERE NOT err AND d <= $6), 0)
           + 0.5 * coalesce(sum(w) FILTER (WHERE NOT err AND d > $6 AND d <= 4 * $6), 0))::float8
           / max(total) AS apdex
    FROM ranked GROUP BY ${groupBy}`;

/** Every route in the window with its totals, slowest (p95) first. */
export async function routeStats(
  tenant: TenantContext,
  db: SeriesDb,
  f: RequestFilter,
  apdexMs: number,
): Promise<RouteStatsDto[]> {
  const { rows } = await db.sql.query<RouteStatsDto>(
    `${statsSql(`service, ${ROUTE} AS route`, "service, route")} ORDER BY p95 DESC, service, route LIMIT 500`,
    [...filterParams(tenant, f), apdexMs],
  );
  return rows;
}

/** The requests' statistics per time bucket of `stepMs`. */
export async function requestBuckets(
  tenant: TenantContext,
  db: SeriesDb,
  f: RequestFilter,
  stepMs: number,
  apdexMs: number,
): Promise<RequestBucketDto[]> {
  const bucket = bucketExpression(db.dialect, "time", "$7");
  const { rows } = await db.sql.query<RequestBucketDto & { bucket: Date }>(
    `${statsSql(`${bucket} AS bucket`, "bucket")} ORDER BY bucket`,
    [...filterParams(tenant, f), apdexMs, `${stepMs / 1000} seconds`],
  );
  return rows.map(({ bucket, ...r }) => ({ ...r, t: new Date(bucket).getTime() }));
}

/** The slowest requests in the window, each naming its trace. */
export async function slowestRequests(
  tenant: TenantContext,
  db: SeriesDb,
  f: RequestFilter,
  limit = 20,
): Promise<TraceSummaryDto[]> {
  const { rows } = await db.sql.query<TraceSummaryDto & { time: Date }>(
    `SELECT trace_id AS "traceId", service, ${ROUTE} AS route, time, duration_ms AS "durationMs", status
       ${REQUESTS} ORDER BY duration_ms DESC LIMIT $6`,
    [...filterParams(tenant, f), limit],
  );
  return rows.map((r) => ({ ...r, time: new Date(r.time).toISOString() }));
}

/** Every span of one trace of this client. */
export async function traceSpans(tenant: TenantContext, db: SeriesDb, traceId: string): Promise<SpanDto[]> {
  const { rows } = await db.sql.query<SpanDto & { time: Date }>(
    `SELECT span_id AS "spanId", parent_span_id AS "parentSpanId", service, name, kind, status, time,
            duration_ms AS "durationMs", attributes
       FROM series.spans WHERE client_id = $1 AND trace_id = $2 ORDER BY time, span_id LIMIT 5000`,
    [tenant.clientId, traceId],
  );
  return rows.map((r) => ({ ...r, time: new Date(r.time).toISOString() }));
}

/** Services that served requests in the window, for the filter. */
export async function requestServices(tenant: TenantContext, db: SeriesDb, f: RequestFilter): Promise<string[]> {
  const { rows } = await db.sql.query<{ service: string }>(
    `SELECT DISTINCT service FROM series.spans
      WHERE client_id = $1 AND time >= $2 AND time < $3 AND (kind = 'server' OR parent_span_id IS NULL)
      ORDER BY service`,
    [tenant.clientId, f.from.toISOString(), f.to.toISOString()],
  );
  return rows.map((r) => r.service);
}
