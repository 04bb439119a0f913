// Non-email targets of an escalation step, against real receivers: a JSON webhook whose
// HMAC signature the receiver checks, a Slack-compatible incoming webhook, and a real
// Alertmanager (Debian's) taking the alert on /api/v2/alerts and its resolution.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolicy } from "@/lib/alerts/escalation";
import { evaluateDueRules } from "@/lib/alerts/evaluate";
import { createRule } from "@/lib/alerts/rules";
import { signBody } from "@/lib/alerts/webhook-payloads";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { escalateDue } from "@/lib/alerts/escalation";
import { deliverDue } from "@/lib/notify/deliver";
import { appSeriesDb } from "@/lib/series/series-db";
import { startAlertmanager } from "@/scripts/lib/alertmanager";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const SECRET = "a-webhook-secret-0123456789";
type Hit = { path: string; headers: http.IncomingHttpHeaders; body: string };

describe("webhook, Slack and Alertmanager targets", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let alertmanager: Awaited<ReturnType<typeof startAlertmanager>>;
  let receiver: http.Server;
  let receiverUrl: string;
  const hits: Hit[] = [];
  let failNext = 0;
  const t0 = Date.now();
  const sample = (value: number, t: number) => {
    const batch = emptyBatch();
    batch.metrics = [{ key: { name: "wh_errors", labels: { job: "checkout" } }, index: 0, points: [[t, value]] }];
    batch.received = 1;
    return ingest(tenant, batch);
  };
  const amAlerts = async () =>
    (await (
      await fetch(`${alertmanager.url}/api/v2/alerts?filter=${encodeURIComponent('alertname="Checkout errors"')}`)
    ).json()) as {
      labels: Record<string, string>;
      status: { state: string };
      endsAt: string;
    }[];

  beforeAll(async () => {
    tenant = await makeClient("hooks");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    alertmanager = await startAlertmanager();
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end("busy");
          return;
        }
        hits.push({ path: req.url ?? "", headers: req.headers, body });
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    await createPolicy(tenant, {
      name: "Machines",
      severities: ["critical"],
      steps: [
        {
          delaySeconds: 0,
          webhooks: [
            { kind: "webhook", url: `${receiverUrl}/hook`, secret: SECRET },
            { kind: "slack", url: `${receiverUrl}/slack` },
            { kind: "alertmanager", url: alertmanager.url },
          ],
        },
      ],
    });
    await createRule(tenant, {
      name: "Checkout errors",
      query: "wh_errors",
      comparator: ">",
      threshold: 5,
      severity: "critical",
      summary: "{{ $value }} errors",
    });
  });
  afterAll(async () => {
    await alertmanager?.stop();
    await new Promise((r) => receiver?.close(r));
  });

  it("delivers a firing alert to all three, signed where a secret is set, retrying a busy receiver", async () => {
    await sample(9, t0 - 1_000);
    expect(await evaluateDueRules(t0)).toMatchObject({ fired: 1 });
    expect(await escalateDue(t0)).toBe(3);
    failNext = 1; // the first POST gets a 503
    const first = await deliverDue(); // SMTP_URL unset: email would wait, webhooks go
    expect(first.sent + first.failed).toBe(3);
    expect(first.failed).toBe(1);
    await getPool().query(
      "UPDATE notifications SET next_attempt_at = now() - interval '1 second' WHERE status = 'pending'",
    );
    expect(await deliverDue()).toEqual({ sent: 1, failed: 0 });

    const hook = hits.find((h) => h.path === "/hook")!;
    expect(hook.headers["x-telltale-signature"]).toBe(signBody(SECRET, hook.body));
    expect(JSON.parse(hook.body)).toMatchObject({
      status: "firing",
      rule: "Checkout errors",
      labels: { job: "checkout" },
      value: 9,
    });
    expect(JSON.parse(hits.find((h) => h.path === "/slack")!.body).text).toContain("FIRING (critical)");
    expect(hits.filter((h) => h.path === "/hook" || h.path === "/slack")).toHaveLength(2);

    const [alert] = await amAlerts();
    expect(alert.labels).toMatchObject({
      alertname: "Checkout errors",
      severity: "critical",
      job: "checkout",
      telltale_client: "hooks",
    });
    expect(alert.status.state).toBe("active");
  });

  it("tells the same targets when it resolves; Alertmanager ends the alert", async () => {
    await sample(1, t0 + 15_000);
    expect(await evaluateDueRules(t0 + 20_000)).toMatchObject({ resolved: 1 });
    expect(await deliverDue()).toEqual({ sent: 3, failed: 0 });
    const resolved = hits.filter((h) => h.path === "/hook").at(-1)!;
    expect(JSON.parse(resolved.body).status).toBe("resolved");
    expect(resolved.headers["x-telltale-signature"]).toBe(signBody(SECRET, resolved.body));
    expect(JSON.parse(hits.filter((h) => h.path === "/slack").at(-1)!.body).text).toContain("RESOLVED");
    // The test's clock runs 20 s ahead of the wall clock, so Alertmanager holds the alert until
    // its endsAt: the resolution time Telltale sent (with the real clock it ends at once).
    const [ended] = await amAlerts();
    expect(Date.parse(ended.endsAt)).toBe(t0 + 20_000);
  });
});
