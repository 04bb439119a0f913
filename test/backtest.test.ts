// Backtests on a real PostgreSQL: a week of range queries replayed through the state machine
// counts the firings a rule would have had, honours `for`, and stays inside its tenant.
import { beforeAll, describe, expect, it } from "vitest";
import { backtestRule } from "@/lib/alerts/backtest";
import type { TenantContext } from "@/lib/auth/tenant";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const MIN = 60_000;
// On the backtest's 5-minute grid, so samples and evaluation steps line up.
const now = Math.floor(Date.now() / (5 * MIN)) * 5 * MIN;
/** Three 30-minute spikes to 200 in two days of 10s, one sample every 5 minutes. */
const spikes = [now - 40 * 60 * MIN, now - 20 * 60 * MIN, now - 3 * 60 * MIN];

describe("backtest", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;

  beforeAll(async () => {
    tenant = await makeClient("backtest");
    other = await makeClient("backtest-other");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 9 });
    const points: [number, number][] = [];
    for (let t = now - 48 * 60 * MIN; t <= now; t += 5 * MIN)
      points.push([t, spikes.some((s) => t >= s && t < s + 30 * MIN) ? 200 : 10]);
    const batch = emptyBatch();
    batch.metrics = [{ key: { name: "queue_depth", labels: { queue: "a" } }, index: 0, points }];
    batch.received = 1;
    await ingest(tenant, batch);
  });

  const rule = { name: "deep", query: "queue_depth", comparator: ">" as const, threshold: 100 };

  it("counts each time the rule would have fired, with when it resolved", async () => {
    const result = await backtestRule(tenant, rule, now);
    expect(result).toMatchObject({ firings: 3, series: 1, stepSeconds: 300 });
    expect(result.incidents.map((i) => [i.labels, Date.parse(i.firedAt), Date.parse(i.resolvedAt!)])).toEqual(
      spikes.map((s) => [{ queue: "a" }, s, s + 30 * MIN]),
    );
  });

  it("honours `for`: spikes shorter than it never fire", async () => {
    expect((await backtestRule(tenant, { ...rule, forSeconds: 1200 }, now)).firings).toBe(3);
    expect((await backtestRule(tenant, { ...rule, forSeconds: 3600 }, now)).firings).toBe(0);
  });

  it("replays rate-of-change rules too, and refuses kinds it cannot replay", async () => {
    const change = { ...rule, kind: "change" as const, threshold: 500, params: { windowSeconds: 600 } };
    expect((await backtestRule(tenant, change, now)).firings).toBe(3);
    await expect(
      backtestRule(tenant, { name: "x", kind: "absence", query: "queue_depth", params: { absentSeconds: 60 } }, now),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("sees only its own client's data", async () => {
    expect((await backtestRule(other, rule, now)).firings).toBe(0);
  });
});
