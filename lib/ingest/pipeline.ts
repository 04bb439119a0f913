// From a parsed batch to committed rows: metadata, series ids (cache first, then the
// dictionary, new series only within the client's cardinality limits), sampling, then one
// coalesced write. Tenant-scoped: the API key decided the tenant.
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appSeriesDb, type SeriesDb } from "@/lib/series/series-db";
import { seriesHash, upsertMetadata, upsertSeries, type SampleRow } from "@/lib/series/write-series";
import { isStorableText, METRIC_NAME, type Rejection } from "./limits";
import type { MetricInput, ParsedBatch } from "./normalized";
import { cachedIngestPolicy } from "./policy";
import { downsample, sampleSpans } from "./sampling";
import { SeriesCache } from "./series-cache";
import { IngestWriter } from "./writer";

const holder = globalThis as unknown as {
  __telltaleIngest?: { writer: IngestWriter; cache: SeriesCache; lastKept: Map<string, number> };
};

function ingestState() {
  holder.__telltaleIngest ??= {
    writer: new IngestWriter(getPool, { maxBufferedRows: env().INGEST_BUFFER_ROWS }),
    cache: new SeriesCache(),
    lastKept: new Map(),
  };
  return holder.__telltaleIngest;
}

type Limits = { maxSeries: number; maxNewSeriesPerDay: number };

/** How many new series the client may still create now. */
async function seriesRoom(tenant: TenantContext, db: SeriesDb, limits: Limits): Promise<number> {
  const { rows } = await db.sql.query<{ total: number; today: number }>(
    `SELECT count(*)::int AS total, (count(*) FILTER (WHERE created_at >= date_trunc('day', now())))::int AS today
       FROM series.metric_series WHERE client_id = $1`,
    [tenant.clientId],
  );
  return Math.max(0, Math.min(limits.maxSeries - rows[0].total, limits.maxNewSeriesPerDay - rows[0].today));
}

/** Series ids in input order (undefined where a new series was refused), and the refusals. */
async function seriesIds(tenant: TenantContext, db: SeriesDb, metrics: MetricInput[], limits: Limits) {
  const { cache } = ingestState();
  const hashes = metrics.map((m) => seriesHash(m.key));
  const missing = [...new Set(hashes.filter((h) => cache.get(tenant.clientId, h) === undefined))];
  const rejected: Rejection[] = [];
  if (missing.length > 0) {
    const { rows } = await db.sql.query<{ id: string; h: string }>(
      `SELECT id, encode(labels_hash, 'hex') AS h FROM series.metric_series
        WHERE client_id = $1 AND labels_hash = ANY(SELECT decode(x, 'hex') FROM unnest($2::text[]) AS x)`,
      [tenant.clientId, missing],
    );
    for (const r of rows) cache.set(tenant.clientId, r.h, BigInt(r.id));
    const fresh = missing.filter((h) => cache.get(tenant.clientId, h) === undefined);
    if (fresh.length > 0) {
      const room = await seriesRoom(tenant, db, limits);
      const admitted = new Set(fresh.slice(0, room));
      const keys = metrics.filter((_, i) => admitted.has(hashes[i])).map((m) => m.key);
      const ids = await upsertSeries(tenant, db, keys);
      keys.forEach((k, i) => cache.set(tenant.clientId, seriesHash(k), ids[i]));
      metrics.forEach((m, i) => {
        if (fresh.includes(hashes[i]) && !admitted.has(hashes[i])) {
          rejected.push({
            index: m.index,
            code: "cardinality_limit",
            reason: `new series refused: the client is at its series limit (${limits.maxSeries} in all, ${limits.maxNewSeriesPerDay} new per day)`,
          });
        }
      });
    }
  }
  return { ids: hashes.map((h) => cache.get(tenant.clientId, h)), rejected };
}

// Descriptive text (type, unit, help) that PostgreSQL cannot store is dropped, not the data.
const text = (s?: string) => (s && isStorableText(s) && s.length <= 4096 ? s : undefined);
const describe = <T extends { type?: string; unit?: string; help?: string }>(m: T): T => ({
  ...m,
  type: text(m.type),
  unit: text(m.unit),
  help: text(m.help),
});

export type IngestOutcome = { accepted: number; samples: number; sampledOut: number; rejected: Rejection[] };

export async function ingest(tenant: TenantContext, batch: ParsedBatch): Promise<IngestOutcome> {
  const db = await appSeriesDb();
  const policy = await cachedIngestPolicy(tenant);
  const metadata = batch.metadata.filter((m) => METRIC_NAME.test(m.name)).map(describe);
  if (metadata.length > 0) await upsertMetadata(tenant, db, metadata);
  const metrics = batch.metrics.map((m) => ({ ...m, key: describe(m.key) }));
  const { ids, rejected } =
    metrics.length > 0 ? await seriesIds(tenant, db, metrics, policy) : { ids: [], rejected: [] };

  const { lastKept } = ingestState();
  let sampledOut = 0;
  const samples: SampleRow[] = [];
  metrics.forEach((m, i) => {
    const seriesId = ids[i];
    if (seriesId === undefined) return;
    const key = seriesId.toString();
    const { kept, lastKept: last } = downsample(m.points, lastKept.get(key), policy.metricMinIntervalSec * 1000);
    if (last !== undefined && policy.metricMinIntervalSec > 0) lastKept.set(key, last);
    sampledOut += m.points.length - kept.length;
    for (const [t, value] of kept) samples.push({ seriesId, time: new Date(t), value });
  });
  if (lastKept.size > 1_000_000) lastKept.clear();

  const spans = sampleSpans(batch.spans, policy);
  sampledOut += spans.dropped;
  await ingestState().writer.write({
    samples,
    events: batch.events.map((e) => ({ ...e, clientId: tenant.clientId })),
    spans: spans.kept.map((s) => ({ ...s, clientId: tenant.clientId })),
  });
  const refused = new Set([...batch.rejected, ...rejected].map((r) => r.index));
  return { accepted: batch.received - refused.size, samples: samples.length, sampledOut, rejected };
}
