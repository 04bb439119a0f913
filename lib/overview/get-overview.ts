// A client's first screen: totals for the last day and hourly trends over the last
// three days, straight from the series tables.
import type { TenantContext } from "@/lib/auth/tenant";
import { appSeriesDb, type SeriesDb } from "@/lib/series/series-db";
import { eventBuckets, metricBuckets, seriesTotals, spanBuckets } from "@/lib/series/overview-queries";

export type Overview = {
  window: { from: string; to: string; stepSeconds: number };
  totals24h: Awaited<ReturnType<typeof seriesTotals>>;
  events: Awaited<ReturnType<typeof eventBuckets>>;
  latency: Awaited<ReturnType<typeof spanBuckets>>;
  up: Awaited<ReturnType<typeof metricBuckets>>;
};

const HOUR = 3_600_000;

export async function getOverview(tenant: TenantContext, now = Date.now(), db?: SeriesDb): Promise<Overview> {
  const sdb = db ?? (await appSeriesDb());
  const to = new Date(Math.ceil(now / HOUR) * HOUR);
  const trend = { from: new Date(to.getTime() - 72 * HOUR), to, stepSeconds: 3600 };
  const [totals24h, events, latency, up] = await Promise.all([
    seriesTotals(tenant, sdb, { from: new Date(now - 24 * HOUR), to: new Date(now), stepSeconds: 3600 }),
    eventBuckets(tenant, sdb, trend),
    spanBuckets(tenant, sdb, trend),
    metricBuckets(tenant, sdb, "up", trend),
  ]);
  return {
    window: { from: trend.from.toISOString(), to: to.toISOString(), stepSeconds: 3600 },
    totals24h,
    events,
    latency,
    up,
  };
}
