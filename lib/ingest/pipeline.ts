// From a parsed batch to committed rows: metadata, series ids (cache first, then the
// dictionary), then one coalesced write. Tenant-scoped: the key decided the tenant.
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appSeriesDb } from "@/lib/series/series-db";
import { seriesHash, upsertMetadata, upsertSeries, type SampleRow } from "@/lib/series/write-series";
import { isStorableText, METRIC_NAME } from "./limits";
import type { ParsedBatch } from "./normalized";
import { SeriesCache } from "./series-cache";
import { IngestWriter } from "./writer";

const holder = globalThis as unknown as { __telltaleIngest?: { writer: IngestWriter; cache: SeriesCache } };

function ingestState() {
  holder.__telltaleIngest ??= {
    writer: new IngestWriter(getPool, { maxBufferedRows: env().INGEST_BUFFER_ROWS }),
    cache: new SeriesCache(),
  };
  return holder.__telltaleIngest;
}

async function seriesIds(tenant: TenantContext, batch: ParsedBatch): Promise<bigint[]> {
  const { cache } = ingestState();
  const hashes = batch.metrics.map((m) => seriesHash(m.key));
  const missing = batch.metrics.filter((_, i) => cache.get(tenant.clientId, hashes[i]) === undefined);
  if (missing.length > 0) {
    const ids = await upsertSeries(
      tenant,
      await appSeriesDb(),
      missing.map((m) => m.key),
    );
    missing.forEach((m, i) => cache.set(tenant.clientId, seriesHash(m.key), ids[i]));
  }
  return hashes.map((h) => cache.get(tenant.clientId, h)!);
}

export type IngestOutcome = { accepted: number; samples: number };

// Descriptive text (type, unit, help) that PostgreSQL cannot store is dropped, not the data.
const text = (s?: string) => (s && isStorableText(s) && s.length <= 4096 ? s : undefined);
const describe = <T extends { type?: string; unit?: string; help?: string }>(m: T): T => ({
  ...m,
  type: text(m.type),
  unit: text(m.unit),
  help: text(m.help),
});

export async function ingest(tenant: TenantContext, raw: ParsedBatch): Promise<IngestOutcome> {
  const batch = {
    ...raw,
    metadata: raw.metadata.filter((m) => METRIC_NAME.test(m.name)).map(describe),

    metrics: raw.metrics.map((m) => ({ ...m, key: describe(m.key) })),
  };
  const db = await appSeriesDb();
  if (batch.metadata.length > 0) await upsertMetadata(tenant, db, batch.metadata);
  const ids = batch.metrics.length > 0 ? await seriesIds(tenant, batch) : [];
  const samples: SampleRow[] = batch.metrics.flatMap((m, i) =>
    m.points.map(([t, value]) => ({ seriesId: ids[i], time: new Date(t), value })),
  );
  await ingestState().writer.write({
    samples,
    events: batch.events.map((e) => ({ ...e, clientId: tenant.clientId })),
    spans: batch.spans.map((s) => ({ ...s, clientId: tenant.clientId })),
  });
  return { accepted: batch.received - new Set(batch.rejected.map((r) => r.index)).size, samples: samples.length };
}
