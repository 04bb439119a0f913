// From a parsed batch to committed rows: metadata, series ids (cache first, then the
// dictionary, new series only within the client's cardinality limits), sampling, then one
// coalesced write. Tenant-scoped: the API key decided the tenant.
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appSeriesDb, type SeriesDb } from "@/lib/series/series-db";
import { labelSetKey, labelSetKeyHash } from "@/lib/series/labels";
import { isStaleNaN } from "@/lib/series/stale";
import { upsertMetadata, upsertSeries, type SampleRow, type StaleMarkerRow } from "@/lib/series/write-series";
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
  // The cache is keyed by the canonical label set itself; only misses pay for hashing.
  const keys = metrics.map((m) => labelSetKey(m.key.name, m.key.labels));
  const missing = [...new Set(keys.filter((k) => cache.get(tenant.clientId, k) === undefined))];
  const rejected: Rejection[] = [];
  if (missing.length > 0) {
    const byHash = new Map(missing.map((k) => [labelSetKeyHash(k).toString("hex"), k]));
    const { rows } = await db.sql.query<{ id: string; h: string }>(
      `SELECT id, encode(labels_hash, 'hex') AS h FROM series.metric_series
        WHERE client_id = $1 AND labels_hash = ANY(SELECT decode(x, 'hex') FROM unnest($2::text[]) AS x)`,
      [tenant.clientId, [...byHash.keys()]],
    );
    for (const r of rows) cache.set(tenant.clientId, byHash.get(r.h)!, BigInt(r.id));
    const fresh = missing.filter((k) => cache.get(tenant.clientId, k) === undefined);
    if (fresh.length > 0) {
      const admitted = new Set(fresh.slice(0, await seriesRoom(tenant, db, limits)));
      const firstIndex = new Map(keys.map((k, i) => [k, i]).reverse() as [string, number][]);
      const toCreate = [...admitted].map((k) => metrics[firstIndex.get(k)!].key);

      const ids = await upsertSeries(tenant, db, toCreate);
      [...admitted].forEach((k, i) => cache.set(tenant.clientId, k, ids[i]));
      const refused = new Set(fresh.filter((k) => !admitted.has(k)));
      metrics.forEach((m, i) => {
        if (!refused.has(keys[i])) return;
        rejected.push({
          index: m.index,
          code: "cardinality_limit",
          reason: `new series refused: the client is at its series limit (${limits.maxSeries} in all, ${limits.maxNewSeriesPerDay} new per day)`,
        });
      });
    }
  }
  return { ids: keys.map((k) => cache.get(tenant.clientId, k)), rejected };
}

// Descriptive text (type, unit, help) that PostgreSQL cannot store is dropped, not the data.
const text = (s?: string) => (s && isStorableText(s) && s.length <= 4096 ? s : undefined);
const describe = <T extends { type?: string; unit?: string; help?: string }>(m: T): T => ({
  ...m,
  type: text(m.type),
  unit: text(m.unit),
  help: text(m.help),
});

/** True when new work should be turned away before its body is even read. */
export const writerSaturated = () => {
  const { writer } = ingestState();
  return writer.bufferedRows >= env().INGEST_BUFFER_ROWS;
};

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
  const staleMarkers: StaleMarkerRow[] = [];
  metrics.forEach((m, i) => {
    const seriesId = ids[i];
    if (seriesId === undefined) return;
    const key = seriesId.toString();
    const { kept, lastKept: last } = downsample(m.points, lastKept.get(key), policy.metricMinIntervalSec * 1000);
    if (last !== undefined && policy.metricMinIntervalSec > 0) lastKept.set(key, last);
    sampledOut += m.points.length - kept.length;
    for (const [t, value] of kept) {
      if (isStaleNaN(value)) staleMarkers.push({ seriesId, time: new Date(t) });
      else samples.push({ seriesId, time: new Date(t), value });
    }
  });
  if (lastKept.size > 1_000_000) lastKept.clear();

  const spans = sampleSpans(batch.spans, policy);
  sampledOut += spans.dropped;
  await ingestState().writer.write({
    samples,
    staleMarkers,
    events: batch.events.map((e) => ({ ...e, clientId: tenant.clientId })),
    spans: spans.kept.map((s) => ({ ...s, clientId: tenant.clientId })),
  });
  const refused = new Set([...batch.rejected, ...rejected].map((r) => r.index));
  return {
    accepted: batch.received - refused.size,
    samples: samples.length + staleMarkers.length,
    sampledOut,
    rejected,
  };
}
