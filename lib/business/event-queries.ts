// Business events in SQL: totals per name with the previous window for the change, volume and
// value per name over time, and the most frequent property values.
import type { TenantContext } from "@/lib/auth/tenant";
import { bucketExpression } from "@/lib/db/dialect";
import type { EventBucketDto, EventTotalsDto, PropertyValueDto } from "@/lib/schemas/business";
import type { SeriesDb } from "@/lib/series/series-db";

export type EventWindow = { from: Date; to: Date };

export async function eventTotals(
  tenant: TenantContext,
  db: SeriesDb,
  w: EventWindow,
  previous: EventWindow,
): Promise<EventTotalsDto[]> {
  const { rows } = await db.sql.query<EventTotalsDto>(
    `SELECT name,
            count(*) FILTER (WHERE time >= $2)::int AS count,
            count(DISTINCT user_id) FILTER (WHERE time >= $2)::int AS users,
            sum(value) FILTER (WHERE time >= $2)::float8 AS value,
            count(*) FILTER (WHERE time < $4)::int AS "previousCount",
            sum(value) FILTER (WHERE time < $4)::float8 AS "previousValue"
       FROM series.events
      WHERE client_id = $1 AND time >= $3 AND time < $5
      GROUP BY name ORDER BY 2 DESC, name LIMIT 200`,
    [tenant.clientId, w.from.toISOString(), previous.from.toISOString(), previous.to.toISOString(), w.to.toISOString()],
  );
  return rows.filter((r) => r.count > 0 || r.previousCount > 0);
}

export async function eventVolume(
  tenant: TenantContext,
  db: SeriesDb,
  w: EventWindow,
  stepMs: number,
  name?: string,
): Promise<EventBucketDto[]> {
  const { rows } = await db.sql.query<EventBucketDto & { bucket: Date }>(
    `SELECT ${bucketExpression(db.dialect, "time", "$4")} AS bucket, name,
            count(*)::int AS count, sum(value)::float8 AS value
       FROM series.events
      WHERE client_id = $1 AND time >= $2 AND time < $3 AND ($5::text IS NULL OR name = $5)
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [tenant.clientId, w.from.toISOString(), w.to.toISOString(), `${stepMs / 1000} seconds`, name ?? null],
  );
  return rows.map(({ bucket, ...r }) => ({ ...r, t: new Date(bucket).getTime() }));
}

/** The most frequent key/value pairs in the events' properties (scalar values only). */
export async function topProperties(
  tenant: TenantContext,
  db: SeriesDb,
  w: EventWindow,
  name?: string,
  limit = 20,
): Promise<PropertyValueDto[]> {
  const { rows } = await db.sql.query<PropertyValueDto>(
    `SELECT p.key, p.value, count(*)::int AS count
       FROM series.events e, jsonb_each_text(e.properties) p
      WHERE e.client_id = $1 AND e.time >= $2 AND e.time < $3 AND ($4::text IS NULL OR e.name = $4)
        AND jsonb_typeof(e.properties -> p.key) IN ('string', 'number', 'boolean')
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT $5`,
    [tenant.clientId, w.from.toISOString(), w.to.toISOString(), name ?? null, limit],
  );
  return rows;
}
