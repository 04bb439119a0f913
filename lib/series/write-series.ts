// Batch writes into the series tables with one statement per batch (unnest of arrays),
// idempotent on each table's natural key, so a repeated batch stores nothing twice.
import type { TenantContext } from "@/lib/auth/tenant";
import { canonicalLabels, labelsHash, type Labels } from "./labels";
import type { SeriesDb } from "./series-db";

export type SeriesKey = { name: string; labels: Labels; type?: string; unit?: string; help?: string };

/** Returns the dictionary id of each series, creating the missing ones. */
export async function upsertSeries(tenant: TenantContext, db: SeriesDb, series: SeriesKey[]): Promise<bigint[]> {
  const canon = series.map((s) => canonicalLabels(s.name, s.labels));
  const { rows } = await db.sql.query<{ id: string; labels_hash: Buffer }>(
    `INSERT INTO series.metric_series (client_id, metric_name, labels, labels_hash, metric_type, unit, help)
     SELECT $1::uuid, n, l::jsonb, decode(h, 'hex'), t, u, hp
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(n, l, h, t, u, hp)
     ON CONFLICT (client_id, labels_hash) DO UPDATE SET metric_type = COALESCE(EXCLUDED.metric_type, series.metric_series.metric_type)
     RETURNING id, encode(labels_hash, 'hex') AS labels_hash`,
    [
      tenant.clientId,
      series.map((s) => s.name),
      canon.map((c) => JSON.stringify(c)),
      canon.map((c) => labelsHash(c).toString("hex")),
      series.map((s) => s.type ?? null),
      series.map((s) => s.unit ?? null),
      series.map((s) => s.help ?? null),
    ],
  );
  const byHash = new Map(rows.map((r) => [String(r.labels_hash), BigInt(r.id)]));
  return canon.map((c) => byHash.get(labelsHash(c).toString("hex"))!);
}

export type SampleRow = { seriesId: bigint; time: Date; value: number };

export async function insertSamples(db: SeriesDb, rows: SampleRow[]): Promise<number> {
  const res = await db.sql.query(
    `INSERT INTO series.metric_samples (series_id, time, value)
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::float8[])
     ON CONFLICT DO NOTHING RETURNING 1`,
    [rows.map((r) => r.seriesId.toString()), rows.map((r) => r.time.toISOString()), rows.map((r) => r.value)],
  );
  return res.rows.length;
}

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
  const res = await db.sql.query(
    `INSERT INTO series.events (client_id, time, name, user_id, session_id, properties, value, idempotency_id)
     SELECT $1::uuid, t, n, u, s, p::jsonb, v, i
       FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[])
         AS x(t, n, u, s, p, v, i)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [
      tenant.clientId,
      rows.map((r) => r.time.toISOString()),
      rows.map((r) => r.name),
      rows.map((r) => r.userId ?? null),
      rows.map((r) => r.sessionId ?? null),
      rows.map((r) => JSON.stringify(r.properties ?? {})),
      rows.map((r) => r.value ?? null),
      rows.map((r) => r.id ?? null),
    ],
  );
  return res.rows.length;
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
};

export async function insertSpans(tenant: TenantContext, db: SeriesDb, rows: SpanRow[]): Promise<number> {
  const col = <K extends keyof SpanRow>(k: K) => rows.map((r) => r[k] ?? null);
  const res = await db.sql.query(
    `INSERT INTO series.spans (client_id, time, trace_id, span_id, parent_span_id, service, name, route, kind, status, duration_ms, attributes)
     SELECT $1::uuid, t, tr, sp, pa, sv, n, r, k, st, d, a::jsonb
       FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::float8[], $12::text[]) AS x(t, tr, sp, pa, sv, n, r, k, st, d, a)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [
      tenant.clientId,
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
    ],
  );
  return res.rows.length;
}
