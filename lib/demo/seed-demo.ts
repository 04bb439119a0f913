// Seeds the demo client with a few days of history in all three series tables, so every
// page has something true to show on first look. Skips when the demo client exists.
import { systemTenant } from "@/lib/auth/tenant-access";
import { createClient } from "@/lib/clients/clients";
import { getPrisma } from "@/lib/db/client";
import type { SeriesDb } from "@/lib/series/series-db";
import { insertEvents, insertSamples, insertSpans, upsertSeries } from "@/lib/series/write-series";
import type { TenantContext } from "@/lib/auth/tenant";
import { generateDemoData, type DemoData } from "./demo-data";

export const DEMO_CLIENT = { slug: "demo", name: "Northwind Automations (demo)", timeZone: "Europe/Berlin" };

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Writes generated history for `tenant`; `batch` rows per statement (PGlite needs small ones). */
export async function writeDemoData(tenant: TenantContext, db: SeriesDb, data: DemoData, batch = 5_000) {
  const ids = await upsertSeries(
    tenant,
    db,
    data.series.map((s) => s.key),
  );
  const samples = data.series.flatMap((s, i) =>
    s.points.map(([t, value]) => ({ seriesId: ids[i], time: new Date(t), value })),
  );
  await inBatches(samples, batch, (b) => insertSamples(db, b));
  await inBatches(data.events, batch, (b) => insertEvents(tenant, db, b));
  await inBatches(data.spans, batch, (b) => insertSpans(tenant, db, b));
  return { samples: samples.length, events: data.events.length, spans: data.spans.length };
}

export type SeedResult = { created: boolean; samples: number; events: number; spans: number };

export async function seedDemo(db: SeriesDb, opts: { days?: number; now?: number } = {}): Promise<SeedResult> {
  if (await getPrisma().client.findUnique({ where: { slug: DEMO_CLIENT.slug } })) {
    return { created: false, samples: 0, events: 0, spans: 0 };
  }
  await createClient(null, DEMO_CLIENT);
  const tenant = await systemTenant(DEMO_CLIENT.slug, "demo-seed");
  const end = Math.floor((opts.now ?? Date.now()) / 60_000) * 60_000;
  const data = generateDemoData({ end, days: opts.days ?? 3 });
  const written = await writeDemoData(tenant, db, data);
  return { created: true, ...written };
}
