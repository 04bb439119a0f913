// Alert fatigue guards through the database: recovery hysteresis (the recovered-evaluation
// streak is stored on the incident between rounds; only the Nth in a row resolves) and
// flapping (a series re-firing a third time within ten minutes notifies nobody).
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateDueRules } from "@/lib/alerts/evaluate";
import { createRule } from "@/lib/alerts/rules";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient, makeMember } from "./fixtures";

describe("recovery hysteresis", () => {
  useTestDatabase();
  let tenant: TenantContext;
  const t0 = Date.now();
  const send = (value: number, t: number) => {
    const batch = emptyBatch();
    batch.metrics = [{ key: { name: "hy_latency", labels: {} }, index: 0, points: [[t, value]] }];
    batch.received = 1;
    return ingest(tenant, batch);
  };
  const incident = () => getPrisma().incident.findFirstOrThrow({ where: { clientId: tenant.clientId } });

  beforeAll(async () => {
    tenant = await makeClient("hyst");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    await createRule(tenant, {
      name: "Slow",
      query: "hy_latency",
      comparator: ">",
      threshold: 500,
      recoveryMargin: 50,
      recoveryEvaluations: 2,
    });
  });

  it("resolves only on the second evaluation back below the threshold minus the margin", async () => {
    await send(900, t0 - 1_000);
    await evaluateDueRules(t0);
    expect((await incident()).state).toBe("firing");

    await send(480, t0 + 5_000); // inside, but within the 50 margin: held
    await evaluateDueRules(t0 + 10_000);
    expect(await incident()).toMatchObject({ state: "firing", okStreak: 0, value: 480 });

    await send(300, t0 + 15_000);
    await evaluateDueRules(t0 + 20_000);
    expect(await incident()).toMatchObject({ state: "firing", okStreak: 1 });

    await evaluateDueRules(t0 + 30_000);
    expect(await incident()).toMatchObject({ state: "resolved", openKey: null });
  });
});

describe("flapping", () => {
  useTestDatabase();
  let tenant: TenantContext;
  const t0 = Date.now();

  it("tells people about the first firing only when a series keeps bouncing on the threshold", async () => {
    tenant = await makeClient("flap");
    await makeMember(tenant, "lead@flap.test", "manager");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    await createRule(tenant, { name: "Bouncy", query: "flap_value", comparator: ">", threshold: 10 });
    for (let i = 0; i < 6; i++) {
      const batch = emptyBatch();
      const t = t0 + i * 10_000;
      batch.metrics = [
        { key: { name: "flap_value", labels: {} }, index: 0, points: [[t - 1_000, i % 2 === 0 ? 20 : 0]] },
      ];
      batch.received = 1;
      await ingest(tenant, batch);
      await evaluateDueRules(t);
    }
    const incidents = await getPrisma().incident.findMany({
      where: { clientId: tenant.clientId },
      include: { events: true, notifications: true },
      orderBy: { startedAt: "asc" },
    });
    expect(incidents).toHaveLength(3);
    expect(incidents.map((i) => i.notifications.filter((n) => n.dedupeKey.includes(":firing:")).length)).toEqual([
      1, 1, 0,
    ]);
    expect(incidents[2].events.map((e) => e.kind)).toContain("flapping");
  });
});
