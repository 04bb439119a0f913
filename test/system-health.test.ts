// System health from a real database: up-style metrics (up, *_up) with their state now,
// availability over a day and the last sample; Telltale's own process numbers; tenant-scoped.
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { maintainStorage } from "@/lib/db/dialect";
import { getSystemHealth } from "@/lib/health/client-health";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const MIN = 60_000;
const now = Math.floor(Date.now() / MIN) * MIN;

async function send(
  tenant: TenantContext,
  name: string,
  labels: Record<string, string>,
  value: (i: number) => number,
  minutes = 60,
  endAgo = 0,
) {
  const batch = emptyBatch();
  batch.metrics = [
    {
      key: { name, labels },
      index: 0,
      points: Array.from(
        { length: minutes },
        (_, i) => [now - endAgo - (minutes - 1 - i) * MIN, value(i)] as [number, number],
      ),
    },
  ];
  batch.received = 1;
  await ingest(tenant, batch);
}

describe("system health", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;

  beforeAll(async () => {
    tenant = await makeClient("health");
    other = await makeClient("health-other");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 8 });
    await send(tenant, "up", { job: "api", instance: "a" }, () => 1);
    // Down for the last 15 of 60 minutes.
    await send(tenant, "up", { job: "api", instance: "b" }, (i) => (i >= 45 ? 0 : 1));
    // A heartbeat that stopped 30 minutes ago.
    await send(tenant, "worker_up", { worker: "mailer" }, () => 1, 30, 30 * MIN);
    await send(tenant, "cpu_seconds_total", { job: "api" }, (i) => i);
    await send(other, "up", { job: "secret", instance: "x" }, () => 1);
  });

  it("lists up-style series, silent and down first, with availability and the last sample", async () => {
    const health = await getSystemHealth(tenant, now);
    const rows = health.targets.map((t) => [t.metric, t.labels.instance ?? t.labels.worker, t.up]);
    expect(rows).toEqual([
      ["worker_up", "mailer", null],
      ["up", "b", 0],
      ["up", "a", 1],
    ]);
    const b = health.targets[1];
    expect(b.availability24h).toBeCloseTo(45 / 60, 5);
    expect(b.lastSeen).toBe(now);
    const mailer = health.targets[0];
    expect(mailer.lastSeen).toBe(now - 30 * MIN);
    expect(mailer.availability24h).toBe(1);
    expect(health.ingest24h.samples).toBe(60 + 60 + 30 + 60);
  });

  it("reports Telltale's own process and database", async () => {
    const health = await getSystemHealth(tenant, now);
    expect(health.telltale.db.ok).toBe(true);
    expect(health.telltale.process.rssBytes).toBeGreaterThan(0);
  });

  it("shows another client only its own targets", async () => {
    const health = await getSystemHealth(other, now);
    expect(health.targets.map((t) => t.labels.job)).toEqual(["secret"]);
  });
});
