// When series and events were last seen, tenant-scoped: what absence rules measure. One
// index probe per series (newest sample first), bounded by a horizon so old partitions stay shut.
import type { TenantContext } from "@/lib/auth/tenant";
import type { SeriesDb } from "./series-db";

/** The newest sample time (ms) of each of the client's series after `since`; unseen series are left out. */
export async function lastSampleTimes(
  tenant: TenantContext,
  db: SeriesDb,
  seriesIds: bigint[],
  since: Date,
): Promise<Map<bigint, number>> {
  if (seriesIds.length === 0) return new Map();
  const { rows } = await db.sql.query<{ id: string; last: Date }>(
    `SELECT m.id, last.time AS last
       FROM series.metric_series m
       CROSS JOIN LATERAL (SELECT s.time FROM series.metric_samples s
                            WHERE s.series_id = m.id AND s.time > $3
                            ORDER BY s.time DESC LIMIT 1) last
      WHERE m.client_id = $1 AND m.id = ANY($2::bigint[])`,
    [tenant.clientId, seriesIds.map(String), since.toISOString()],
  );
  return new Map(rows.map((r) => [BigInt(r.id), new Date(r.last).getTime()]));
}

/** The newest time (ms) an event of this name arrived after `since`, or null. */
export async function lastEventTime(
  tenant: TenantContext,
  db: SeriesDb,
  name: string,
  since: Date,
): Promise<number | null> {
  const { rows } = await db.sql.query<{ last: Date | null }>(
    `SELECT max(time) AS last FROM series.events WHERE client_id = $1 AND name = $2 AND time > $3`,
    [tenant.clientId, name, since.toISOString()],
  );
  return rows[0]?.last ? new Date(rows[0].last).getTime() : null;
}
