// Two app processes against one database, as two replicas would run: each notification reaches
// the real SMTP server exactly once, one leader evaluates, and when it is killed the other takes
// over and keeps alerting. The processes are real (tsx child processes), not two workers in one.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRule } from "@/lib/alerts/rules";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { appSeriesDb } from "@/lib/series/series-db";
import { startSmtp } from "@/scripts/lib/smtp-sink";
import { useTestDatabase } from "./db";
import { makeClient, makeMember } from "./fixtures";

type Worker = { child: ChildProcess; output: string[]; said: (line: string) => Promise<void> };

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("two app processes", () => {
  const db = useTestDatabase();
  let tenant: TenantContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const workers: Worker[] = [];

  const start = (mode: "scheduler" | "deliver"): Worker => {
    // node itself with tsx's loader: a SIGKILL then ends the very process holding the connections.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/lib/alert-worker.ts", mode], {
      env: {
        ...process.env,
        DATABASE_URL: db.url(),
        SMTP_URL: smtp.url,
        ALERT_GROUP_WAIT_SECONDS: "0",
        NEXTAUTH_SECRET: "two-process-test-secret-0123456789abcdef",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const output: string[] = [];
    child.stdout!.on("data", (d: Buffer) => output.push(...d.toString().trim().split("\n")));
    const w = { child, output, said: (line: string) => until(() => output.includes(line), 30_000, line) };
    workers.push(w);
    return w;
  };
  const stop = (w: Worker) =>
    new Promise<void>((resolve) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
      w.child.once("exit", () => resolve());
      w.child.kill("SIGKILL");
    });

  beforeAll(async () => {
    tenant = await makeClient("replicas");
    await makeMember(tenant, "lead@replicas.test", "manager");
    const series = await appSeriesDb();
    await maintainStorage(series.sql, series.dialect, { retentionDays: 2 });
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await Promise.all(workers.map(stop));
    await smtp?.close();
  });

  it("delivers each of 120 notifications exactly once with two delivery workers racing", async () => {
    await getPrisma().notification.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        clientId: tenant.clientId,
        dedupeKey: `race:${i}`,
        channel: "email",
        target: `r${i}@replicas.test`,
        subject: `race ${i}`,
        text: "x",
      })),
    });
    const [a, b] = [start("deliver"), start("deliver")];
    await until(() => smtp.received.length >= 120, 60_000, "120 mails");
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now
    const to = smtp.received.map((m) => m.to[0]);
    expect(to).toHaveLength(120);
    expect(new Set(to).size).toBe(120);
    // Both took part (each claims a batch of 20 at a time), so the race was real.
    expect(a.output.some((l) => l.startsWith("sent"))).toBe(true);
    expect(b.output.some((l) => l.startsWith("sent"))).toBe(true);
    await Promise.all([stop(a), stop(b)]);
  });

  it("evaluates on one leader, and the other takes over within seconds when it dies", async () => {
    smtp.received.length = 0;
    await createRule(tenant, {
      name: "Replica test",
      query: "replica_depth",
      comparator: ">",
      threshold: 100,
      intervalSeconds: 5,
    });
    const send = async (queue: string) => {
      const batch = emptyBatch();
      batch.metrics = [{ key: { name: "replica_depth", labels: { queue } }, index: 0, points: [[Date.now(), 500]] }];
      batch.received = 1;
      await ingest(tenant, batch);
    };
    const first = start("scheduler");
    const second = start("scheduler");
    await Promise.all([first.said("ready"), second.said("ready")]);
    await send("emails");
    await until(() => smtp.received.length >= 1, 30_000, "the firing mail");
    await new Promise((r) => setTimeout(r, 6_000)); // another round or two
    expect(smtp.received.map((m) => m.to[0])).toEqual(["lead@replicas.test"]);
    const leaders = [first, second].filter((w) => w.output.includes("leader"));
    expect(leaders).toHaveLength(1);

    const killedAt = Date.now();
    await stop(leaders[0]);
    const survivor = leaders[0] === first ? second : first;
    await survivor.said("leader");
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    await send("invoices");
    await until(() => smtp.received.length >= 2, 30_000, "the second firing mail");
    expect(smtp.received[1].raw).toContain("invoices");
    const incidents = await getPrisma().incident.findMany({ where: { clientId: tenant.clientId } });
    expect(incidents.map((i) => (i.labels as { queue: string }).queue).sort()).toEqual(["emails", "invoices"]);
  });
});
