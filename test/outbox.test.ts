// The Mail page's domain on a real PostgreSQL: the outbox as listed, the channels the
// client's policies and members use, and "send test" to them, delivered by the real worker
// to a real SMTP server and a signature-checking webhook receiver. Other clients see nothing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolicy } from "@/lib/alerts/escalation";
import { getNotification, listChannels, listOutbox, sendTestNotification } from "@/lib/alerts/outbox";
import { signBody } from "@/lib/alerts/webhook-payloads";
import type { TenantContext } from "@/lib/auth/tenant";
import { setEnv } from "@/lib/env";
import { deliverDue } from "@/lib/notify/deliver";
import { startSmtp } from "@/scripts/lib/smtp-sink";
import { useTestDatabase } from "./db";
import { makeClient, makeMember } from "./fixtures";

const SECRET = "a-webhook-secret-of-length";

describe("outbox and channels", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: http.Server;
  let hookUrl: string;
  const hits: { signature?: string; body: string }[] = [];

  beforeAll(async () => {
    tenant = await makeClient("mailroom");
    other = await makeClient("mailroom-other");
    await makeMember(tenant, "lead@mailroom.test", "manager");
    await makeMember(tenant, "reader@mailroom.test", "viewer");
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        hits.push({ signature: req.headers["x-telltale-signature"] as string | undefined, body });
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await createPolicy(tenant, {
      name: "Paging",
      severities: ["critical"],
      steps: [
        {
          delaySeconds: 0,
          emails: ["oncall@mailroom.test"],
          webhooks: [{ kind: "webhook", url: hookUrl, secret: SECRET }],
        },
      ],
    });
    smtp = await startSmtp();
  });
  afterAll(async () => {
    setEnv({ SMTP_URL: "" });
    await smtp?.close();
    await new Promise((r) => receiver.close(r));
  });

  it("lists the channels of policies and of admins and managers, never their secrets", async () => {
    const channels = await listChannels(tenant);
    expect(channels).toEqual([
      { channel: "email", target: "lead@mailroom.test", usedBy: ["member"] },
      { channel: "email", target: "oncall@mailroom.test", usedBy: ["policy Paging"] },
      { channel: "webhook", target: hookUrl, usedBy: ["policy Paging"] },
    ]);
    expect(JSON.stringify(channels)).not.toContain(SECRET);
    expect(await listChannels(other)).toEqual([]);
  });

  it("keeps tests in the outbox without SMTP, and delivers them once it is set", async () => {
    setEnv({ SMTP_URL: "" });
    const mail = await sendTestNotification(tenant, { channel: "email", target: "oncall@mailroom.test" }, "Lead");
    const hook = await sendTestNotification(tenant, { channel: "webhook", target: hookUrl }, "Lead");
    expect(await deliverDue()).toEqual({ sent: 1, failed: 0 }); // the webhook goes; the mail waits
    const waiting = await listOutbox(tenant, {});
    expect(waiting.smtpConfigured).toBe(false);
    expect(waiting.notifications.map((n) => [n.channel, n.status])).toEqual(
      expect.arrayContaining([
        ["email", "pending"],
        ["webhook", "sent"],
      ]),
    );
    expect(hits).toHaveLength(1);
    expect(hits[0].signature).toBe(signBody(SECRET, hits[0].body));
    expect(JSON.parse(hits[0].body).rule).toBe("Telltale test notification");
    // The Mail page reads the waiting message in full.
    expect((await getNotification(tenant, mail.id)).text).toContain("sent by Lead");
    await expect(getNotification(other, mail.id)).rejects.toMatchObject({ status: 404 });
    expect((await listOutbox(other, {})).notifications).toEqual([]);

    setEnv({ SMTP_URL: smtp.url });
    expect(await deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([["oncall@mailroom.test"]]);
    expect((await listOutbox(tenant, { status: "sent" })).notifications.map((n) => n.id).sort()).toEqual(
      [mail.id, hook.id].sort(),
    );
  });

  it("refuses to test a target the client does not use", async () => {
    await expect(
      sendTestNotification(tenant, { channel: "email", target: "stranger@example.com" }, "Lead"),
    ).rejects.toMatchObject({ status: 400 });
    await expect(sendTestNotification(other, { channel: "webhook", target: hookUrl }, "Eve")).rejects.toMatchObject({
      status: 400,
    });
  });
});
