// Label names, label values, series and metric metadata for the Prometheus API (tenant-scoped).
import type { TenantContext } from "@/lib/auth/tenant";
import { selectSeries } from "@/lib/promql/select-series";
import { parseSelector } from "@/lib/promql/parse";
import type { SeriesDb } from "@/lib/series/series-db";

export type Range = { start?: Date; end?: Date };

/** Every series matching any of the selectors (union, as Prometheus does for match[]). */
export async function seriesForSelectors(tenant: TenantContext, db: SeriesDb, selectors: string[], range: Range) {
  const byId = new Map<bigint, Record<string, string>>();
  for (const selector of selectors) {
    for (const s of await selectSeries(tenant, db, parseSelector(selector), range)) byId.set(s.id, s.labels);
  }
  return [...byId.values()];
}

export async function labelNames(
  tenant: TenantContext,
  db: SeriesDb,
  selectors: string[],
  range: Range,
): Promise<string[]> {
  if (selectors.length > 0) {
    const names = new Set((await seriesForSelectors(tenant, db, selectors, range)).flatMap((l) => Object.keys(l)));
    return [...names].sort();
  }
  const { rows } = await db.sql.query<{ name: string }>(
    `SELECT DISTINCT jsonb_object_keys(labels) AS name FROM series.metric_series WHERE client_id = $1 ORDER BY 1`,
    [tenant.clientId],
  );
  return rows.map((r) => r.name);
}

export async function labelValues(
  tenant: TenantContext,
  db: SeriesDb,
  label: string,
  selectors: string[],
  range: Range,
): Promise<string[]> {
  if (selectors.length > 0) {
    const values = new Set(
      (await seriesForSelectors(tenant, db, selectors, range)).map((l) => l[label]).filter((v) => v !== undefined),
    );
    return [...values].sort();
  }
  const { rows } = await db.sql.query<{ value: string }>(
    `SELECT DISTINCT labels->>$2 AS value FROM series.metric_series WHERE client_id = $1 AND labels ? $2 ORDER BY 1`,
    [tenant.clientId, label],
  );
  return rows.map((r) => r.value);
}

export type MetricMetadata = Record<string, { type: string; help: string; unit: string }[]>;

export async function metricMetadata(
  tenant: TenantContext,
  db: SeriesDb,
  metric: string | null,
  limit: number | null,
): Promise<MetricMetadata> {
  const { rows } = await db.sql.query<{ name: string; type: string | null; help: string | null; unit: string | null }>(
    `SELECT metric_name AS name, metric_type AS type, help, unit FROM series.metric_metadata
      WHERE client_id = $1 AND ($2::text IS NULL OR metric_name = $2)
     UNION
     SELECT DISTINCT metric_name, metric_type, help, unit FROM series.metric_series
      WHERE client_id = $1 AND ($2::text IS NULL OR metric_name = $2) AND metric_type IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM series.metric_metadata md WHERE md.client_id = $1 AND md.metric_name = metric_series.metric_name)
     ORDER BY 1`,
    [tenant.clientId, metric],
  );
  const out: MetricMetadata = {};
  for (const r of rows) {
    if (limit !== null && Object.keys(out).length >= limit && !out[r.name]) break;
    (out[r.name] ??= []).push({ type: r.type ?? "unknown", help: r.help ?? "", unit: r.unit ?? "" });
  }
  return out;
}
