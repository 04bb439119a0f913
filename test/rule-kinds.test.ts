// Each rule kind evaluated on a real PostgreSQL, through the ingest pipeline and the PromQL
// engine: percent change, anomaly bands (rolling and last week), absence of series and of
// events, and composites of other rules; plus the REST validation of each kind's settings.
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateRule } from "@/lib/alerts/evaluate";
import { createRule, deleteRule } from "@/lib/alerts/rules";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import type { AlertRuleInput } from "@/lib/schemas/alert-rules";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const MIN = 60_000;
const now = Math.floor(Date.now() / 1000) * 1000;

function metrics(name: string, rows: [Record<string, string>, number, number][]) {
  const batch = emptyBatch();
  batch.metrics = rows.map(([labels, t, v], index) => ({ key: { name, labels }, index, points: [[t, v]] }));
  batch.received = rows.length;
  return batch;
}

describe("rule kinds", () => {
  useTestDatabase();
  let tenant: TenantContext;

  beforeAll(async () => {
    tenant = await makeClient("kinds");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 9 });
  });

  const rule = async (input: AlertRuleInput) => {
    const dto = await createRule(tenant, { forSeconds: 0, ...input });
    return getPrisma().alertRule.findUniqueOrThrow({ where: { id: dto.id }, include: { client: true } });
  };
  const openIncidents = async (ruleId: string) =>
    (await getPrisma().incident.findMany({ where: { ruleId, openKey: { not: null } } }))
      .map((i) => ({ state: i.state, labels: i.labels, value: i.value }))
      .sort((a, b) => JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));

  it("fires on percent change over the window, per series, showing the current value", async () => {
    await ingest(
      tenant,
      metrics("orders", [
        [{ shop: "a" }, now - 60 * MIN, 100],
        [{ shop: "b" }, now - 60 * MIN, 100],
        [{ shop: "a" }, now - 10_000, 160],
        [{ shop: "b" }, now - 10_000, 110],
      ]),
    );
    const r = await rule({
      name: "Orders jump",
      kind: "change",
      query: "orders",
      comparator: ">",
      threshold: 50,
      params: { windowSeconds: 3600 },
    });
    await evaluateRule(r, now);
    expect(await openIncidents(r.id)).toEqual([{ state: "firing", labels: { shop: "a" }, value: 160 }]);
  });

  it("fires outside mean ± k·σ of the last hour, and of the same time last week", async () => {
    const rows: [Record<string, string>, number, number][] = [];
    for (let i = 0, t = now - 60 * MIN; t < now - MIN; i++, t += 30_000) {
      const wobble = i % 2 === 0 ? 1 : -1;
      rows.push([{ api: "steady" }, t, 10 + wobble], [{ api: "spiky" }, t, 10 + wobble]);
    }
    rows.push([{ api: "steady" }, now - 5_000, 10.5], [{ api: "spiky" }, now - 5_000, 30]);
    await ingest(tenant, metrics("latency", rows));
    const rolling = await rule({
      name: "Latency anomaly",
      kind: "anomaly",
      query: "latency",
      params: { baseline: "rolling", windowSeconds: 3600, k: 3 },
    });
    await evaluateRule(rolling, now);
    expect(await openIncidents(rolling.id)).toEqual([{ state: "firing", labels: { api: "spiky" }, value: 30 }]);

    // Last week the same hour ran near 50: today's 10s are far below that band.
    const week = 7 * 86_400_000;
    const old: [Record<string, string>, number, number][] = [];
    for (let i = 0, t = now - week - 30 * MIN; t <= now - week + 30 * MIN; i++, t += 30_000)
      old.push([{ api: "steady" }, t, 50 + (i % 2 === 0 ? 2 : -2)]);
    await ingest(tenant, metrics("latency", old));
    const lastWeek = await rule({
      name: "Latency vs last week",
      kind: "anomaly",
      query: "latency",
      params: { baseline: "last_week", windowSeconds: 3600, k: 3 },
    });
    await evaluateRule(lastWeek, now);
    // "spiky" had no data last week: no band, so no verdict on it.
    expect(await openIncidents(lastWeek.id)).toEqual([{ state: "firing", labels: { api: "steady" }, value: 10.5 }]);
  });

  it("fires for a series that stopped, and for a selector that never arrived", async () => {
    await ingest(
      tenant,
      metrics("heartbeat", [
        [{ job: "sync" }, now - 10 * MIN, 1],
        [{ job: "mail" }, now - 10_000, 1],
      ]),
    );
    const stopped = await rule({
      name: "Heartbeat stopped",
      kind: "absence",
      query: "heartbeat",
      params: { absentSeconds: 300 },
    });
    await evaluateRule(stopped, now);
    expect(await openIncidents(stopped.id)).toEqual([{ state: "firing", labels: { job: "sync" }, value: 600 }]);
    // It is back: the next evaluation resolves it.
    await ingest(tenant, metrics("heartbeat", [[{ job: "sync" }, now + 5_000, 1]]));
    await evaluateRule(stopped, now + 10_000);
    expect(await openIncidents(stopped.id)).toEqual([]);

    const never = await rule({
      name: "Backup never reported",
      kind: "absence",
      query: 'backup_runs_total{job="backup"}',
      params: { absentSeconds: 60 },
    });
    await evaluateRule(never, now);
    expect(await openIncidents(never.id)).toEqual([{ state: "firing", labels: { job: "backup" }, value: null }]);
  });

  it("fires when an event stops arriving", async () => {
    const batch = emptyBatch();
    batch.events = [{ time: new Date(now - 20 * MIN), name: "order_placed", id: "o-1" }];
    batch.received = 1;
    await ingest(tenant, batch);
    const r = await rule({
      name: "No orders",
      kind: "absence",
      params: { absentSeconds: 600, event: "order_placed" },
    });
    await evaluateRule(r, now);
    expect(await openIncidents(r.id)).toEqual([{ state: "firing", labels: { event: "order_placed" }, value: 1200 }]);
  });

  it("combines rules: or fires with one of them firing, and with both", async () => {
    const [jump, stopped] = await Promise.all([
      getPrisma().alertRule.findFirstOrThrow({ where: { name: "Orders jump" } }),
      getPrisma().alertRule.findFirstOrThrow({ where: { name: "Heartbeat stopped" } }),
    ]);
    const and = await rule({
      name: "Both",
      kind: "composite",
      params: { operator: "and", ruleIds: [jump.id, stopped.id] },
    });
    const or = await rule({
      name: "Either",
      kind: "composite",
      params: { operator: "or", ruleIds: [jump.id, stopped.id] },
    });
    await evaluateRule(and, now + 20_000);
    await evaluateRule(or, now + 20_000);
    expect(await openIncidents(and.id)).toEqual([]);
    expect(await openIncidents(or.id)).toEqual([{ state: "firing", labels: {}, value: 1 }]);
    // A rule a composite uses cannot be deleted from under it.
    await expect(deleteRule(tenant, jump.id)).rejects.toMatchObject({ status: 409 });
  });

  it("refuses settings a kind needs but lacks, and composites across clients", async () => {
    const other = await makeClient("kinds-other");
    const foreign = await createRule(other, { name: "theirs", query: "up", comparator: "<", threshold: 1 });
    const mine = await getPrisma().alertRule.findFirstOrThrow({ where: { name: "Orders jump" } });
    await expect(createRule(tenant, { name: "x", kind: "change", query: "orders" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["params", "windowSeconds"] })],
    });
    await expect(
      createRule(tenant, { name: "x", kind: "absence", query: "rate(x[5m])", params: { absentSeconds: 60 } }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["query"] })] });
    await expect(
      createRule(tenant, { name: "x", kind: "composite", params: { operator: "or", ruleIds: [mine.id, foreign.id] } }),
    ).rejects.toMatchObject({ status: 400, message: `No such rule: ${foreign.id}` });
  });
});
