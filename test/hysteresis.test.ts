// Recovery hysteresis through the database: the recovered-evaluation streak is stored on
// the incident between rounds, and only the Nth recovered evaluation in a row resolves.
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
import { makeClient } from "./fixtures";

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
