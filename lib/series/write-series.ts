// Batch writes into the series tables with one statement per batch (unnest of arrays),
// idempotent on each table's natural key, so a repeated batch stores nothing twice.
import type { TenantContext } from "@/lib/auth/tenant";
import type { Sql } from "@/lib/db/sql";
import { markPending, touchedMinutes } from "./rollups";
import { canonicalLabels, labelSetKey, labelSetKeyHash, type Labels } from "./labels";
import type { SeriesDb } from "./series-db";

export type SeriesKey = { name: string; labels: Labels; type?: string; unit?: string; help?: string };

/** The dictionary key of a series: hex sha256 of its canonical label set. */
export const seriesHash = (key: SeriesKey) => labelSetKeyHash(labelSetKey(key.name, key.labels)).toString("hex");

/**
 * Returns the dictionary id of each series (in input order), creating missing ones.
 * New series take type, unit and help from the key or, failing that, from metric_metadata.
 */
export async function upsertSeries(tenant: TenantContext, db: SeriesDb, series: SeriesKey[]): Promise<bigint[]> {
  // One row per label set: ON CONFLICT DO UPDATE may not touch a row twice in one statement.
  const unique = new Map<string, SeriesKey>();
  for (const s of series) unique.set(seriesHash(s), s);
  const keys = [...unique.values()];
  const { rows } = await db.sql.query<{ id: string; labels_hash: string }>(
    `INSERT INTO series.metric_series (client_id, metric_name, labels, labels_hash, metric_type, unit, help)
     SELECT $1::uuid, x.n, x.l::jsonb, decode(x.h, 'hex'), COALESCE(x.t, md.metric_type), COALESCE(x.u, md.unit), COALESCE(x.hp, md.help)
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(n, l, h, t, u, hp)
       LEFT JOIN series.metric_metadata md ON md.client_id = $1::uuid AND md.metric_name = x.n
     ON CONFLICT (client_id, labels_hash) DO UPDATE
       SET metric_type = COALESCE(EXCLUDED.metric_type, series.metric_series.metric_type)
     RETURNING id, encode(labels_hash, 'hex') AS labels_hash`,
    [
      tenant.clientId,
      keys.map((s) => s.name),
      keys.map((s) => JSON.stringify(canonicalLabels(s.name, s.labels))),
      [...unique.keys()],
      keys.map((s) => s.type ?? null),
      keys.map((s) => s.unit ?? null),
      keys.map((s) => s.help ?? null),
    ],
  );
  const byHash = new Map(rows.map((r) => [String(r.labels_hash), BigInt(r.id)]));
  return series.map((s) => byHash.get(seriesHash(s))!);
}

export type SampleRow = { seriesId: bigint; time: Date; value: number };

export async function insertSamples(db: SeriesDb | { sql: Sql }, rows: SampleRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // Marked first: a mark without samples costs one no-op refresh, samples without a mark would never roll up.
  await markPending(db.sql, touchedMinutes(rows.map((r) => r.time.getTime())));
  const res = await db.sql.query(
    `INSERT INTO series.metric_samples (series_id, time, value)
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::float8[])
     ON CONFLICT DO NOTHING`,
    [
      rows.map((r) => r.seriesId.toString()),
      rows.map((r) => r.time.toISOString()),
      rows.map((r) => floatText(r.value)),
    ],
  );
  return res.rowCount ?? 0;
}

export type StaleMarkerRow = { seriesId: bigint; time: Date };

/** Staleness markers (see stale.ts); idempotent like samples. */
export async function insertStaleMarkers(sql: Sql, rows: StaleMarkerRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await sql.query(
    `INSERT INTO series.metric_stale_markers (series_id, time)
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.seriesId.toString()), rows.map((r) => r.time.toISOString())],
  );
  return res.rowCount ?? 0;
}

// node-postgres sends numbers as text; NaN and ±Inf must be spelled the way PostgreSQL reads them.
export const floatText = (v: number) =>
  Number.isNaN(v) ? "NaN" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : String(v);

export type EventRow = {
  time: Date;
  name: string;
  userId?: string;
  sessionId?: string;
  properties?: Record<string, unknown>;
  value?: number;
  id?: string;
};

export async function insertEvents(tenant: TenantContext, db: SeriesDb, rows: EventRow[]): Promise<number> {
  return insertEventRows(
    db.sql,
    rows.map((r) => ({ ...r, clientId: tenant.clientId })),
  );
}

/** Rows of several clients at once (the ingest writer coalesces requests of many tenants). */
export async function insertEventRows(sql: Sql, rows: (EventRow & { clientId: string })[]): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await sql.query(
    `INSERT INTO series.events (client_id, time, name, user_id, session_id, properties, value, idempotency_id)
     SELECT c, t, n, u, s, p::jsonb, v, i
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[])
         AS x(c, t, n, u, s, p, v, i)
     ON CONFLICT DO NOTHING`,
    [
      rows.map((r) => r.clientId),
      rows.map((r) => r.time.toISOString()),
      rows.map((r) => r.name),
      rows.map((r) => r.userId ?? null),
      rows.map((r) => r.sessionId ?? null),
      rows.map((r) => JSON.stringify(r.properties ?? {})),
      rows.map((r) => r.value ?? null),
      rows.map((r) => r.id ?? null),
    ],
  );
  return res.rowCount ?? 0;
}

export type SpanRow = {
  time: Date;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  route?: string;
  kind: string;
  status: string;
  durationMs: number;
  attributes?: Record<string, unknown>;
  /** How many spans this one stands for after sampling (1 when not sampled). */
  sampleWeight?: number;
};

export async function insertSpans(tenant: TenantContext, db: SeriesDb, rows: SpanRow[]): Promise<number> {
  return insertSpanRows(
    db.sql,
    rows.map((r) => ({ ...r, clientId: tenant.clientId })),
  );
}

export async function insertSpanRows(sql: Sql, rows: (SpanRow & { clientId: string })[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof SpanRow>(k: K) => rows.map((r) => r[k] ?? null);
  const res = await sql.query(
    `INSERT INTO series.spans (client_id, time, trace_id, span_id, parent_span_id, service, name, route, kind, status, duration_ms, attributes, sample_weight)
     SELECT c, t, tr, sp, pa, sv, n, r, k, st, d, a::jsonb, w
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::float8[], $12::text[], $13::float8[]) AS x(c, t, tr, sp, pa, sv, n, r, k, st, d, a, w)
     ON CONFLICT DO NOTHING`,
    [
      rows.map((r) => r.clientId),
      rows.map((r) => r.time.toISOString()),
      col("traceId"),
      col("spanId"),
      col("parentSpanId"),
      col("service"),
      col("name"),
      col("route"),
      col("kind"),
      col("status"),
      col("durationMs"),
      rows.map((r) => JSON.stringify(r.attributes ?? {})),
      rows.map((r) => r.sampleWeight ?? 1),
    ],
  );
  return res.rowCount ?? 0;
}

/** Records type/unit/help
 for a metric name and applies them to its existing series. */
export async function upsertMetadata(
  tenant: TenantContext,
  db: SeriesDb,
  items: { name: string; type?: string; unit?: string; help?: string }[],
): Promise<void> {
  if (items.length === 0) return;
  const unique = [...new Map(items.map((m) => [m.name, m])).values()];
  const params = [
    tenant.clientId,
    unique.map((m) => m.name),
    unique.map((m) => m.type ?? null),
    unique.map((m) => m.unit ?? null),
    unique.map((m) => m.help ?? null),
  ];
  await db.sql.query(
    `INSERT INTO series.metric_metadata (client_id, metric_name, metric_type, unit, help)
     SELECT $1::uuid, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (client_id, metric_name) DO UPDATE SET metric_type = EXCLUDED.metric_type, unit = EXCLUDED.unit,
       help = EXCLUDED.help, updated_at = now()`,
    params,
  );
  await db.sql.query(
    `UPDATE series.metric_series s SET metric_type = x.t, unit = x.u, help = x.hp
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(n, t, u, hp)
      WHERE s.client_id = $1::uuid AND s.metric_name = x.n
        AND (s.metric_type, s.unit, s.help) IS DISTINCT FROM (x.t, x.u, x.hp)`,
    params,
  );
}
