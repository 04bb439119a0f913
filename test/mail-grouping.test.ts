// Emails of one rule to one person within the group wait leave as one message listing the
// series, with the chart of the breach attached inline; received by a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateDueRules } from "@/lib/alerts/evaluate";
import { incidentChart } from "@/lib/alerts/incident-chart";
import { createRule } from "@/lib/alerts/rules";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool, getPrisma } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { setEnv } from "@/lib/env";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { deliverDue } from "@/lib/notify/deliver";
import { appSeriesDb } from "@/lib/series/series-db";
import { startSmtp } from "@/scripts/lib/smtp-sink";
import { useTestDatabase } from "./db";
import { makeClient, makeMember } from "./fixtures";

describe("grouped alert mail", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const now = Date.now();

  beforeAll(async () => {
    tenant = await makeClient("grouped");
    await makeMember(tenant, "owner@grouped.test", "admin");
    await makeMember(tenant, "lead@grouped.test", "manager");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    smtp = await startSmtp();
    setEnv({ SMTP_URL: smtp.url, ALERT_GROUP_WAIT_SECONDS: "30" });
    await createRule(tenant, { name: "Queue too deep", query: "grouped_depth", comparator: ">", threshold: 100 });
    const batch = emptyBatch();
    batch.metrics = ["emails", "invoices", "exports", "quiet"].map((queue, index) => ({
      key: { name: "grouped_depth", labels: { queue } },
      index,
      points: Array.from({ length: 30 }, (_, i) => [now - (30 - i) * 60_000, queue === "quiet" ? 5 : 50 + i * 5]) as [
        number,
        number,
      ][],
    }));
    batch.received = 4;
    await ingest(tenant, batch);
  });
  afterAll(async () => {
    setEnv({ SMTP_URL: "", ALERT_GROUP_WAIT_SECONDS: "0" });
    await smtp?.close();
  });

  it("waits, then sends one message per person listing every series, with the chart inline", async () => {
    expect(await evaluateDueRules(now)).toMatchObject({ fired: 3 });
    expect(await getPrisma().notification.count()).toBe(6);
    // Inside the group wait nothing is due.
    expect(await deliverDue(undefined, incidentChart)).toEqual({ sent: 0, failed: 0 });
    // One row's wait passes: its group-mates (same rule, same person) go with it.
    const first = await getPrisma().notification.findFirstOrThrow({ where: { target: "owner@grouped.test" } });
    await getPool().query("UPDATE notifications SET next_attempt_at = now() - interval '1 second' WHERE id = $1", [
      first.id,
    ]);
    expect(await deliverDue(undefined, incidentChart)).toEqual({ sent: 3, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.to).toEqual(["owner@grouped.test"]);
    // The subject is a quoted-printable encoded word (it holds an em dash): spaces are "_".
    const subject = mail.raw.match(/^Subject: ((?:.*\r\n[ \t].*)*.*)$/m)![1].replace(/\?=\r\n\s+=\?UTF-8\?Q\?/g, "");
    expect(subject).toContain("Queue_too_deep");
    expect(subject).toContain("=283_series=29"); // "(3 series)"
    for (const queue of ["emails", "exports", "invoices"]) expect(mail.raw).toContain(`queue=3D"${queue}"`);
    expect(mail.raw).not.toContain("quiet");
    // The chart: an inline PNG the HTML points at.
    expect(mail.raw).toContain("Content-Type: image/png");
    expect(mail.raw).toContain("Content-ID: <chart@telltale>");
    expect(mail.raw).toContain("cid:chart@telltale");
    expect(mail.raw).toMatch(/\r\n\r\niVBORw0KGgo/); // base64 of the PNG signature

    // The manager's three wait for their own group.
    await getPool().query(
      "UPDATE notifications SET next_attempt_at = now() - interval '1 second' WHERE status = 'pending'",
    );
    expect(await deliverDue(undefined, incidentChart)).toEqual({ sent: 3, failed: 0 });
    expect(smtp.received.map((m) => m.to[0])).toEqual(["owner@grouped.test", "lead@grouped.test"]);
    expect(await deliverDue(undefined, incidentChart)).toEqual({ sent: 0, failed: 0 });
  });
});
