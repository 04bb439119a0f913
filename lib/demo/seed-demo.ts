// Seeds the demo client with a few days of history in all three series tables, so every
// page has something true to show on first look. Skips when the demo client exists.
import { recordAudit } from "@/lib/audit/record-audit";
import type { TenantContext } from "@/lib/auth/tenant";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SeriesDb } from "@/lib/series/series-db";
import { insertEvents, insertSamples, insertSpans, upsertSeries } from "@/lib/series/write-series";
import { generateDemoData } from "./demo-data";

export const DEMO_CLIENT = { slug: "demo", name: "Northwind Automations (demo)", timeZone: "Europe/Berlin" };

const BATCH = 5_000;
async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export type SeedResult = { created: boolean; samples: number; events: number; spans: number };

export async function seedDemo(prisma: PrismaClient, db: SeriesDb, opts: { days?: number; now?: number } = {}): Promise<SeedResult> {
  if (await prisma.client.findUnique({ where: { slug: DEMO_CLIENT.slug } })) {
    return { created: false, samples: 0, events: 0, spans: 0 };
  }
  const client = await prisma.$transaction(async (tx) => {
    const c = await tx.client.create({ data: DEMO_CLIENT });
    await recordAudit(tx, { clientId: c.id, actorId: null, action: "client.create", targetType: "client", targetId: c.id, details: { demo: true } });
    return c;
  });
  // The seeder acts as the system on its own new client.
  const tenant: TenantContext = {
    clientId: client.id,
    clientSlug: client.slug,
    role: "admin",
    actor: { kind: "user", userId: "system", isSuperAdmin: true },
  };
  const end = Math.floor((opts.now ?? Date.now()) / 60_000) * 60_000;
  const data = generateDemoData({ end, days: opts.days ?? 3 });
  const ids = await upsertSeries(tenant, db, data.series.map((s) => s.key));
  const samples = data.series.flatMap((s, i) => s.points.map(([t, value]) => ({ seriesId: ids[i], time: new Date(t), value })));
  await inBatches(samples, (b) => insertSamples(db, b));
  await inBatches(data.events, (b) => insertEvents(tenant, db, b));
  await inBatches(data.spans, (b) => insertSpans(tenant, db, b));
  return { created: true, samples: samples.length, events: data.events.length, spans: data.spans.length };
}
