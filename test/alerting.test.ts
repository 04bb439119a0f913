// Alerting end to end on a real PostgreSQL and a real SMTP server: rules as a REST resource,
// pending → firing → resolved with a timeline, the outbox surviving an SMTP outage and
// delivering each mail once, even with two workers, and the evaluation lock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as cronAlerts } from "@/app/api/cron/alerts/route";
import { GET as getRuleRoute } from "@/app/api/v1/alert-rules/[id]/route";
import { GET as listRulesRoute, POST as createRuleRoute } from "@/app/api/v1/alert-rules/route";
import { evaluateDueRules } from "@/lib/alerts/evaluate";
import { withAlertsLock } from "@/lib/alerts/scheduler";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool, getPrisma } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { setEnv } from "@/lib/env";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { deliverDue, smtpSender } from "@/lib/notify/deliver";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient, makeMember } from "./fixtures";
import { startSmtp } from "@/scripts/lib/smtp-sink";

const send = (value: number, queue: string, t: number) => {
  const batch = emptyBatch();
  batch.metrics = [{ key: { name: "queue_depth", labels: { queue } }, index: 0, points: [[t, value]] }];
  batch.received = 1;
  return batch;
};

const call = (
  handler: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>,
  key: string,
  init: RequestInit = {},
  params = {},
) =>
  handler(
    new Request("http://t/api/v1/alert-rules", {
      ...init,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    }),
    {
      params: Promise.resolve(params as never),
    },
  );

describe("alerting", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let adminKey: string;
  let otherKey: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ruleId: string;
  const t0 = Date.now();

  beforeAll(async () => {
    tenant = await makeClient("alerts");
    const other = await makeClient("alerts-other");
    await makeMember(tenant, "owner@alerts.test", "admin");
    await makeMember(tenant, "lead@alerts.test", "manager");
    await makeMember(tenant, "reader@alerts.test", "viewer");
    adminKey = (await createApiKey(tenant, { name: "as code", scopes: ["admin", "read"] })).key;
    otherKey = (await createApiKey(other, { name: "other", scopes: ["admin", "read"] })).key;
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    smtp = await startSmtp();
  });
  afterAll(async () => {
    setEnv({ SMTP_URL: "" });
    await smtp?.close();
  });

  it("creates rules through the REST API with the form's validation", async () => {
    const bad = await call(createRuleRoute, adminKey, {
      method: "POST",
      body: JSON.stringify({ name: "x", query: "rate(queue_depth[5m]", comparator: ">", threshold: 1 }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0]).toMatchObject({ path: "query" });
    const matrix = await call(createRuleRoute, adminKey, {
      method: "POST",
      body: JSON.stringify({ name: "x", query: "queue_depth[5m]", comparator: ">", threshold: 1 }),
    });
    expect((await matrix.json()).error.details[0].reason).toContain("range vector");

    const res = await call(createRuleRoute, adminKey, {
      method: "POST",
      body: JSON.stringify({
        name: "Queue too deep",
        query: "queue_depth",
        comparator: ">",
        threshold: 100,
        forSeconds: 20,
        summary: "{{ $labels.queue }} has {{ $value }} jobs waiting",
      }),
    });
    expect(res.status).toBe(201);
    ruleId = (await res.json()).id;
    expect((await (await call(listRulesRoute, adminKey)).json()).map((r: { name: string }) => r.name)).toEqual([
      "Queue too deep",
    ]);
    // Another client's key sees neither the list entry nor the rule.
    expect(await (await call(listRulesRoute, otherKey)).json()).toEqual([]);
    expect((await call(getRuleRoute, otherKey, {}, { id: ruleId })).status).toBe(404);
  });

  it("holds a breach in pending for `for`, fires, writes the outbox, and resolves", async () => {
    await ingest(tenant, send(150, "emails", t0 - 5_000));
    await ingest(tenant, send(10, "invoices", t0 - 5_000));
    expect(await evaluateDueRules(t0)).toMatchObject({ evaluated: 1, fired: 0 });
    const pending = await getPrisma().incident.findMany({ where: { clientId: tenant.clientId } });
    expect(pending.map((i) => [i.state, (i.labels as Record<string, string>).queue])).toEqual([["pending", "emails"]]);
    // Not due yet: the rule's 10 s interval has not passed.
    expect((await evaluateDueRules(t0 + 5_000)).evaluated).toBe(0);

    expect(await evaluateDueRules(t0 + 25_000)).toMatchObject({ evaluated: 1, fired: 1 });
    const outbox = await getPrisma().notification.findMany({ orderBy: { target: "asc" } });
    expect(outbox.map((n) => n.target)).toEqual(["lead@alerts.test", "owner@alerts.test"]);
    expect(outbox[0].subject).toBe('[FIRING:warning] Queue too deep {queue="emails"} — Client alerts');
    expect(outbox[0].text).toContain("emails has 150 jobs waiting");
    // The drill-down link: Explore on this series only, fixed on the window around it.
    const link = new URL(outbox[0].text.match(/in Explore: (\S+)/)![1]);
    expect(link.pathname).toBe("/alerts/explore");
    expect(link.searchParams.get("q")).toBe(
      '(queue_depth) and on(queue) label_replace(vector(1), "queue", "emails", "", "")',
    );
    expect(Number(link.searchParams.get("from"))).toBeLessThan(t0);
  });

  it("keeps mail in the outbox while SMTP is down and delivers it once when it is back", async () => {
    setEnv({ SMTP_URL: "smtp://127.0.0.1:1" });
    expect(await deliverDue()).toEqual({ sent: 0, failed: 2 });
    const waiting = await getPrisma().notification.findMany();
    expect(waiting.every((n) => n.status === "pending" && n.attempts === 1 && n.lastError)).toBe(true);

    setEnv({ SMTP_URL: smtp.url });
    expect(await deliverDue()).toEqual({ sent: 0, failed: 0 }); // backing off
    // The backoff has passed (a second back: the column keeps milliseconds, so a bare now() can
    // round up past the next statement's now()).
    await getPool().query("UPDATE notifications SET next_attempt_at = now() - interval '1 second'");
    expect(await deliverDue()).toEqual({ sent: 2, failed: 0 });
    expect(await deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(["lead@alerts.test", "owner@alerts.test"]);
    expect(smtp.received[0].raw).toContain("Queue too deep");
  });

  it("resolves when the series is back inside the threshold, telling everyone notified", async () => {
    await ingest(tenant, send(20, "emails", t0 + 30_000));
    expect(await evaluateDueRules(t0 + 40_000)).toMatchObject({ resolved: 1 });
    const incident = (await getPrisma().incident.findFirst({ include: { events: { orderBy: { at: "asc" } } } }))!;
    expect(incident.state).toBe("resolved");
    expect(incident.openKey).toBeNull();
    expect(incident.events.map((e) => e.kind)).toEqual(["pending", "firing", "resolved"]);
    expect(await deliverDue()).toEqual({ sent: 2, failed: 0 });
    expect(smtp.received.filter((m) => m.raw.includes("Queue too deep resolved for"))).toHaveLength(2);
  });

  it("sends each notification once with two workers racing", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => i);
    await getPrisma().notification.createMany({
      data: ids.map((i) => ({
        clientId: tenant.clientId,
        dedupeKey: `race:${i}`,
        channel: "email",
        target: `r${i}@alerts.test`,
        subject: `race ${i}`,
        text: "x",
      })),
    });
    const sent: string[] = [];
    const slowSend = async (n: { target: string }) => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(n.target);
    };
    const [a, b] = await Promise.all([deliverDue(slowSend), deliverDue(slowSend)]);
    expect(a.sent + b.sent).toBe(12);
    expect(new Set(sent).size).toBe(12);
    expect(sent).toHaveLength(12);
    expect(smtpSender()).toBeDefined();
  });

  it("lets one process evaluate at a time: the cron route says busy while the lock is held", async () => {
    setEnv({ CRON_SECRET: "a-long-enough-cron-secret" });
    const cron = () =>
      cronAlerts(
        new Request("http://t/api/cron/alerts", { headers: { authorization: "Bearer a-long-enough-cron-secret" } }),
        {
          params: Promise.resolve({}),
        },
      );
    const inside = await withAlertsLock(async () => (await cron()).status);
    expect(inside).toBe(409);
    expect((await cron()).status).toBe(200);
    setEnv({ CRON_SECRET: "" });
  });
});
