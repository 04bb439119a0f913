// Drill-down over a real database: a latency jump on one route shows as the label that
// changed most, the breakdown query is the narrowed query split by that label, and the raw
// samples behind the window are the ones stored; another client's series stay out.
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { maintainStorage } from "@/lib/db/dialect";
import { drillDown, drillSamples } from "@/lib/explore/drilldown";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { drillInputSchema } from "@/lib/schemas/drilldown";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const MIN = 60_000;
const now = Math.floor(Date.now() / MIN) * MIN;
const from = now - 30 * MIN;

async function send(tenant: TenantContext, series: { labels: Record<string, string>; value: (t: number) => number }[]) {
  const batch = emptyBatch();
  batch.metrics = series.map((s, index) => ({
    key: { name: "dd_latency", labels: s.labels },
    index,
    // One sample a minute over the previous window and this one.
    points: Array.from({ length: 60 }, (_, i) => {
      const t = now - 59 * MIN + i * MIN;
      return [t, s.value(t)] as [number, number];
    }),
  }));
  batch.received = batch.metrics.length;
  await ingest(tenant, batch);
}

describe("drill-down", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;

  beforeAll(async () => {
    tenant = await makeClient("drill");
    other = await makeClient("drill-other");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    const jump = (t: number) => (t > from ? 100 : 10);
    await send(tenant, [
      { labels: { service: "api", route: "/checkout", region: "eu" }, value: jump },
      { labels: { service: "api", route: "/search", region: "eu" }, value: () => 10 },
      { labels: { service: "api", route: "/search", region: "us" }, value: () => 12 },
      { labels: { service: "web", route: "/home", region: "us" }, value: () => 500 },
    ]);
    await send(other, [{ labels: { service: "api", route: "/secret", region: "eu" }, value: jump }]);
  });

  const input = (m: string[]) => drillInputSchema.parse({ q: "avg by (service) (dd_latency)", from, to: now, m });

  it("ranks the labels by what changed most between the previous window and this one", async () => {
    const drill = await drillDown(tenant, input(["service=api"]));
    expect(drill.query).toBe('avg by (service) (dd_latency{service="api"})');
    expect(drill.ranked.map((r) => r.label)).toEqual(["route", "region"]);
    const [route] = drill.ranked;
    expect(route.values[0]).toMatchObject({ value: "/checkout", before: 10 });
    expect(route.values[0].now).toBeGreaterThan(90);
    expect(route.values.map((v) => v.value)).not.toContain("/secret");
  });

  it("lists the raw samples behind the window, newest first", async () => {
    const raw = await drillSamples(tenant, input(["service=api", "route=/checkout"]));
    expect(raw.selectors).toEqual(['dd_latency{route="/checkout",service="api"}']);
    // Prometheus 2.42 range selectors include both ends: 31 samples a minute apart.
    expect(raw.samples).toHaveLength(31);
    expect(raw.samples[0]).toMatchObject({ t: now, value: 100 });
    expect(raw.samples.every((s) => s.labels.route === "/checkout" && s.t >= from)).toBe(true);
  });

  it("refuses a query that does not parse, with the parser's message", async () => {
    await expect(drillDown(tenant, drillInputSchema.parse({ q: "sum(", from, to: now }))).rejects.toMatchObject({
      status: 400,
      code: "bad_query",
    });
  });
});
