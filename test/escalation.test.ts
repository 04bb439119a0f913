// Escalation with a controllable clock: a policy's first step tells managers at once, the
// second a member by name and an address five minutes later; acknowledging stops the rest; resolving tells
// everyone who was told. Policies are per client and a severity maps to one policy.
import { beforeAll, describe, expect, it } from "vitest";
import { escalateDue, createPolicy, listPolicies } from "@/lib/alerts/escalation";
import { evaluateDueRules } from "@/lib/alerts/evaluate";
import { acknowledgeIncident, getIncident, resolveIncident } from "@/lib/alerts/incidents";
import { createRule } from "@/lib/alerts/rules";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient, makeMember } from "./fixtures";

const targetsOf = async () =>
  (await getPrisma().notification.findMany({ orderBy: { createdAt: "asc" } })).map(
    (n) => `${n.dedupeKey.split(":")[1]} ${n.target}`,
  );

describe("escalation policies", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;
  const t0 = Date.now();

  beforeAll(async () => {
    tenant = await makeClient("esc");
    other = await makeClient("esc-other");
    await makeMember(tenant, "owner@esc.test", "admin");
    await makeMember(tenant, "lead@esc.test", "manager");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
  });

  it("maps a severity to one policy per client", async () => {
    await createPolicy(tenant, {
      name: "Critical paging",
      severities: ["critical", "high"],
      steps: [
        { delaySeconds: 0, roles: ["manager"] },
        { delaySeconds: 300, members: ["owner@esc.test"], emails: ["cto@esc.test"] },
      ],
      repeat: 1,
      repeatDelaySeconds: 600,
    });
    await expect(
      createPolicy(tenant, { name: "Another", severities: ["high"], steps: [{ delaySeconds: 0, roles: ["admin"] }] }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      createPolicy(tenant, { name: "Empty", severities: ["info"], steps: [{ delaySeconds: 0 }] }),
    ).rejects.toThrow(/needs a role, a member, an address or a webhook/);
    // Members by name are this client's members: someone of another client is refused.
    await makeMember(other, "theirs@esc-other.test", "admin");
    await expect(
      createPolicy(tenant, {
        name: "Stranger",
        severities: ["info"],
        steps: [{ delaySeconds: 0, members: ["Theirs@esc-other.test"] }],
      }),
    ).rejects.toMatchObject({ status: 400, details: [{ path: "steps.0.members.0" }] });
    // Another client may map the same severity; it does not see this client's policy.
    await createPolicy(other, {
      name: "Theirs",
      severities: ["critical"],
      steps: [{ delaySeconds: 0, roles: ["admin"] }],
    });
    expect((await listPolicies(other)).map((p) => p.name)).toEqual(["Theirs"]);
  });

  it("escalates by the steps' delays and stops when acknowledged", async () => {
    await createRule(tenant, { name: "Down", query: "esc_up", comparator: "<", threshold: 1, severity: "critical" });
    const batch = emptyBatch();
    batch.metrics = [{ key: { name: "esc_up", labels: { job: "api" } }, index: 0, points: [[t0 - 1_000, 0]] }];
    batch.received = 1;
    await ingest(tenant, batch);

    expect(await evaluateDueRules(t0)).toMatchObject({ fired: 1 });
    expect(await targetsOf()).toEqual([]); // the policy, not the default recipients, tells people
    expect(await escalateDue(t0)).toBe(1);
    expect(await targetsOf()).toEqual(["firing lead@esc.test"]);
    expect(await escalateDue(t0 + 299_000)).toBe(0);
    expect(await escalateDue(t0 + 300_000)).toBe(2);
    expect(await targetsOf()).toEqual(["firing lead@esc.test", "firing owner@esc.test", "firing cto@esc.test"]);
    expect(await escalateDue(t0 + 300_000)).toBe(0); // once each

    const incident = (await getPrisma().incident.findFirstOrThrow({ where: { clientId: tenant.clientId } }))!;
    await acknowledgeIncident(tenant.clientId, incident.id, "lead");
    expect(await escalateDue(t0 + 5_000_000)).toBe(0); // the repeat run would have started at 900 s
    // The incident page shows where escalation stopped.
    const view = await getIncident(tenant, incident.id);
    expect(view.escalation?.steps.map((s) => [s.run, s.step, s.state, s.targets])).toEqual([
      [0, 0, "notified", "managers"],
      [0, 1, "notified", "owner@esc.test, cto@esc.test"],
      [1, 0, "stopped", "managers"],
      [1, 1, "stopped", "owner@esc.test, cto@esc.test"],
    ]);

    await resolveIncident(tenant, incident.id, "lead");
    expect((await targetsOf()).filter((t) => t.startsWith("resolved")).sort()).toEqual([
      "resolved cto@esc.test",
      "resolved lead@esc.test",
      "resolved owner@esc.test",
    ]);
  });
});
