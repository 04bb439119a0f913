// Silences hold notices, not evaluation: an incident matching an active silence fires and is
// on the timeline, but nobody is told until the silence ends — then escalation catches up.
import { beforeAll, describe, expect, it } from "vitest";
import { createPolicy, escalateDue } from "@/lib/alerts/escalation";
import { evaluateDueRules } from "@/lib/alerts/evaluate";
import { getIncident } from "@/lib/alerts/incidents";
import { createRule } from "@/lib/alerts/rules";
import { createSilence, expireSilence, listSilences, matchingSilences } from "@/lib/alerts/silences";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient, makeMember } from "./fixtures";

describe("silences", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;
  const t0 = Date.now();

  beforeAll(async () => {
    tenant = await makeClient("quiet");
    other = await makeClient("quiet-other");
    await makeMember(tenant, "lead@quiet.test", "manager");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    await createPolicy(tenant, {
      name: "Page",
      severities: ["critical"],
      steps: [{ delaySeconds: 0, roles: ["manager"] }],
    });
    await createRule(tenant, {
      name: "Disk full",
      query: "quiet_disk",
      comparator: ">",
      threshold: 90,
      severity: "critical",
    });
    const batch = emptyBatch();
    batch.metrics = ["db1", "db2"].map((host, index) => ({
      key: { name: "quiet_disk", labels: { host } },
      index,
      points: [[t0 - 1_000, 95] as [number, number]],
    }));
    batch.received = 2;
    await ingest(tenant, batch);
  });

  it("refuses matchers that are not a selector", async () => {
    await expect(createSilence(tenant, { matchers: "host=db1", durationMinutes: 10 }, "lead")).rejects.toThrow();
  });

  it("holds the notices of matching incidents only, and says so on the timeline", async () => {
    const silence = await createSilence(
      tenant,
      { matchers: '{alertname="Disk full", host="db1"}', comment: "resizing", durationMinutes: 30 },
      "lead",
    );
    expect(await listSilences(other)).toEqual([]);
    const t1 = Date.now(); // the silence runs from its creation
    expect(await evaluateDueRules(t1)).toMatchObject({ fired: 2 });
    expect(await escalateDue(t1)).toBe(1);
    const notified = await getPrisma().notification.findMany({ include: { incident: true } });
    expect(notified.map((n) => (n.incident!.labels as { host: string }).host)).toEqual(["db2"]);
    const db1 = await getPrisma().incident.findFirstOrThrow({ where: { fingerprint: { contains: "db1" } } });
    const view = await getIncident(tenant, db1.id);
    expect(view.state).toBe("firing");
    expect(view.silencedBy?.map((s) => s.comment)).toEqual(["resizing"]);
    expect(view.events?.map((e) => e.kind)).toEqual(["firing", "silenced"]);

    // The silence ends: the next round tells people about db1 after all.
    await expireSilence(tenant, silence.id);
    expect(await escalateDue(Date.now())).toBe(1);
    await expect(expireSilence(tenant, silence.id)).rejects.toMatchObject({ status: 404 });
  });

  it("holds recurring maintenance windows only inside each window, in their time zone", async () => {
    // A daily window that opened 10 minutes ago (read in Tokyo time), and one that opens in 2 hours.
    const tokyo = (ms: number) => new Date(ms + 9 * 3_600_000); // Asia/Tokyo has no daylight-saving time
    const cronAt = (ms: number) => `${tokyo(ms).getUTCMinutes()} ${tokyo(ms).getUTCHours()} * * *`;
    const now = Date.now();
    const open = await createSilence(
      tenant,
      { matchers: '{host="db9"}', durationMinutes: 30, recurrence: cronAt(now - 10 * 60_000), timezone: "Asia/Tokyo" },
      "lead",
    );
    const later = await createSilence(
      tenant,
      {
        matchers: '{host="db9"}',
        durationMinutes: 30,
        recurrence: cronAt(now + 2 * 3_600_000),
        timezone: "Asia/Tokyo",
      },
      "lead",
    );
    expect(open).toMatchObject({ active: true, windowMinutes: 30, timezone: "Asia/Tokyo" });
    expect(later.active).toBe(false);
    expect(Math.abs(Date.parse(later.nextStart!) - (now + 2 * 3_600_000))).toBeLessThan(60_000);
    const holding = async (at: number) =>
      (await matchingSilences(getPrisma(), tenant.clientId, { host: "db9" }, new Date(at))).map((s) => s.id);
    expect(await holding(Date.now())).toEqual([open.id]);
    expect(await holding(now + 25 * 60_000)).toEqual([]); // the first window closed, the second not open yet
    expect(await holding(now + 2 * 3_600_000 + 60_000)).toEqual([later.id]);
    expect(await holding(now + 86_400_000)).toEqual([open.id]); // the next day, again
    await expect(
      createSilence(tenant, { matchers: '{host="db9"}', durationMinutes: 30, recurrence: "every sunday" }, "lead"),
    ).rejects.toThrow(/Five fields/);
  });
});
