// Chart annotations from a real database: an incident's firing and acknowledgement, deploy/
// release events and deploy metrics, in time order, inside the window, and only the client's own.
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateDueRules } from "@/lib/alerts/evaluate";
import { acknowledgeIncident } from "@/lib/alerts/incidents";
import { createRule } from "@/lib/alerts/rules";
import type { TenantContext } from "@/lib/auth/tenant";
import { listAnnotations } from "@/lib/dashboards/annotations";
import { getPrisma } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { appSeriesDb } from "@/lib/series/series-db";
import { insertEvents } from "@/lib/series/write-series";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

describe("annotations", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;
  const t0 = Date.now();

  beforeAll(async () => {
    tenant = await makeClient("notes");
    other = await makeClient("notes-other");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    await insertEvents(tenant, db, [
      { time: new Date(t0 - 20 * 60_000), name: "deploy", properties: { version: "v1.4.2" } },
      { time: new Date(t0 - 10 * 60_000), name: "checkout_completed", value: 30 },
      { time: new Date(t0 - 5 * 60_000), name: "release_published" },
      { time: new Date(t0 - 3 * 3_600_000), name: "deploy", properties: { version: "v1.4.1" } },
    ]);
    await insertEvents(other, db, [{ time: new Date(t0 - 20 * 60_000), name: "deploy" }]);

    await createRule(tenant, {
      name: "Queue stuck",
      query: "notes_queue",
      comparator: ">",
      threshold: 5,
      severity: "high",
    });
    const batch = emptyBatch();
    batch.metrics = [{ key: { name: "notes_queue", labels: {} }, index: 0, points: [[t0 - 1_000, 9]] }];
    batch.received = 1;
    await ingest(tenant, batch);
    // A deploy as a metric: a new version's series appears; the old one started before the window.
    const deploys = emptyBatch();
    deploys.metrics = [
      {
        key: { name: "deploy_info", labels: { version: "v2.0.0" } },
        index: 0,
        points: [
          [t0 - 15 * 60_000, 1],
          [t0 - 60_000, 1],
        ],
      },
      {
        key: { name: "deploy_info", labels: { version: "v1.9.0" } },
        index: 1,
        points: [
          [t0 - 5 * 3_600_000, 1],
          [t0 - 30 * 60_000, 1],
        ],
      },
    ];
    deploys.received = 2;
    await ingest(tenant, deploys);
    await evaluateDueRules(t0);
    const incident = await getPrisma().incident.findFirstOrThrow({ where: { clientId: tenant.clientId } });
    await acknowledgeIncident(tenant.clientId, incident.id, "lead@notes.test");
  });

  it("lists deploys and alert transitions in the window, oldest first", async () => {
    const notes = await listAnnotations(tenant, t0 - 3_600_000, Date.now() + 1_000);
    expect(notes.map((n) => [n.kind, n.state ?? "", n.text])).toEqual([
      ["deploy", "", "deploy v1.4.2"],
      ["deploy", "", "deploy_info v2.0.0"],
      ["deploy", "", "release_published"],
      ["alert", "firing", "Queue stuck firing"],
      ["alert", "acknowledged", "Queue stuck acknowledged by lead@notes.test"],
    ]);
    expect(await listAnnotations(other, t0 - 3_600_000, Date.now() + 1_000)).toEqual([
      expect.objectContaining({ kind: "deploy", text: "deploy" }),
    ]);
  });
});
