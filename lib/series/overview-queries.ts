// Time-bucketed reads behind a client's overview: one SQL text per query, bound
// parameters only; the dialect supplies the bucket expression. Span counts sum
// sample_weight, so they stay true when a client samples its traces.

import type { TenantContext } from "@/lib/auth/tenant";
import { bucketExpression } from "@/lib/db/dialect";
import type { SeriesDb } from "./series-db";

export type TimeRange = { from: Date; to: Date; stepSeconds: number };

const rangeParams = (tenant: TenantContext, r: TimeRange) => [
  tenant.clientId,
  r.from.toISOString(),
  r.to.toISOString(),
  `${r.stepSeconds} seconds`,
];

export type MetricBucket = { bucket: string; series: number; avg: number; max: number; samples: number };

/** Per bucket, across every series of one metric: average, maximum, sample count. */
export async function metricBuckets(tenant: TenantContext, db: SeriesDb, metric: string, r: TimeRange) {
  const { rows } = await db.sql.query<MetricBucket>(
    `SELECT ${bucketExpression(db.dialect, "s.time", "$4")} AS bucket,
            count(DISTINCT s.series_id)::int AS series, avg(s.value)::float8 AS avg,
            max(s.value)::float8 AS max, count(*)::int AS samples
       FROM series.metric_samples s
       JOIN series.metric_series m ON m.id = s.series_id
      WHERE m.client_id = $1 AND m.metric_name = $5 AND s.time >= $2 AND s.time < $3
      GROUP BY 1 ORDER BY 1`,
    [...rangeParams(tenant, r), metric],
  );
  return rows.map((x) => ({ ...x, bucket: new Date(x.bucket).toISOString() }));
}

export type EventBucket = { bucket: string; name: string; count: number; value: number | null };

export async function eventBuckets(tenant: TenantContext, db: SeriesDb, r: TimeRange) {
  const { rows } = await db.sql.query<EventBucket>(
    `SELECT ${bucketExpression(db.dialect, "time", "$4")} AS bucket, name,
            count(*)::int AS count, sum(value)::float8 AS value
       FROM series.events
      WHERE client_id = $1 AND time >= $2 AND time < $3
      GROUP BY 1, 2 ORDER BY 1, 2`,
    rangeParams(tenant, r),
  );
  return rows.map((x) => ({ ...x, bucket: new Date(x.bucket).toISOString() }));
}

export type SpanBucket = { bucket: string; service: string; count: number; errors: number; p50: number; p95: number };

export async function spanBuckets(tenant: TenantContext, db: SeriesDb, r: TimeRange) {
  const { rows } = await db.sql.query<SpanBucket>(
    `SELECT ${bucketExpression(db.dialect, "time", "$4")} AS bucket, service,
            round(sum(sample_weight))::int AS count,
            round(sum(sample_weight) FILTER (WHERE status = 'error'))::int AS errors,

            percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p95
       FROM series.spans
      WHERE client_id = $1 AND time >= $2 AND time < $3 AND parent_span_id IS NULL
      GROUP BY 1, 2 ORDER BY 1, 2`,
    rangeParams(tenant, r),
  );
  return rows.map((x) => ({ ...x, bucket: new Date(x.bucket).toISOString() }));
}

export type SeriesTotals = { series: number; samples: number; events: number; spans: number };

export async function seriesTotals(tenant: TenantContext, db: SeriesDb, r: TimeRange): Promise<SeriesTotals> {
  const { rows } = await db.sql.query<SeriesTotals>(
    `SELECT (SELECT count(*) FROM series.metric_series WHERE client_id = $1)::int AS series,
            (SELECT count(*) FROM series.metric_samples s JOIN series.metric_series m ON m.id = s.series_id
              WHERE m.client_id = $1 AND s.time >= $2 AND s.time < $3)::int AS samples,
            (SELECT count(*) FROM series.events WHERE client_id = $1 AND time >= $2 AND time < $3)::int AS events,
            (SELECT coalesce(round(sum(sample_weight)), 0) FROM series.spans
              WHERE client_id = $1 AND time >= $2 AND time < $3)::int AS spans`,

    [tenant.clientId, r.from.toISOString(), r.to.toISOString()],
  );
  return rows[0];
}
