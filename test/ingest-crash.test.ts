// Kill -9 the server in the middle of a load: every acknowledged event and sample must
// be stored, exactly once; resending everything afterwards (what senders do) adds each
// missing item once and duplicates nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  // node itself (with tsx as a loader), not the tsx CLI: SIGKILL must hit the serving process.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest-server.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once("data", (d) => resolve({ url: String(d).trim(), child }));
    child.once("exit", (code) => reject(new Error(`ingest server exited with ${code}`)));
  });
}

const BATCHES = 300;
const PER_BATCH = 50;
const base = Date.now() - 3_600_000;

const eventsBody = (b: number) =>
  JSON.stringify({
    events: Array.from({ length: PER_BATCH }, (_, i) => ({ name: "crash", id: `e-${b}-${i}`, timestamp: base + b })),
  });
const metricsBody = (b: number) =>
  JSON.stringify({
    series: [
      {
        name: "crash_metric",
        labels: { batch: String(b % 7) },
        points: Array.from({ length: PER_BATCH }, (_, i) => [base + b * PER_BATCH + i, b]),
      },
    ],
  });

describe("SIGKILL during ingest", () => {
  const db = useTestDatabase();
  let tenant: TenantContext;
  let key: string;

  beforeAll(async () => {
    tenant = await makeClient("crash");
    key = (await createApiKey(tenant, { name: "load", scopes: ["ingest"] })).key;
    const sdb = await appSeriesDb();
    await maintainStorage(sdb.sql, sdb.dialect, { retentionDays: 3 });
  });

  async function send(url: string, batches: number[], onAck: (b: number) => void) {
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const b = batches[next++];
        const post = (p: string, body: string) =>
          fetch(`${url}${p}`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body,
          }).then(
            (r) => r.ok,
            () => false,
          );
        const [e, m] = await Promise.all([
          post("/api/v1/events", eventsBody(b)),
          post("/api/v1/metrics", metricsBody(b)),
        ]);
        if (e && m) onAck(b);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  const stored = async () => {
    const pool = getPool();
    const ev = await pool.query<{ id: string; n: number }>(
      `SELECT idempotency_id AS id, count(*)::int AS n FROM series.events WHERE client_id = $1 GROUP BY 1`,
      [tenant.clientId],
    );
    const sm = await pool.query<{ t: Date; n: number }>(
      `SELECT s.time AS t, count(*)::int AS n FROM series.metric_samples s JOIN series.metric_series m ON m.id = s.series_id
        WHERE m.client_id = $1 GROUP BY 1`,
      [tenant.clientId],
    );
    return {
      events: new Map(ev.rows.map((r) => [r.id, r.n])),
      samples: new Map(sm.rows.map((r) => [r.t.getTime(), r.n])),
    };
  };

  it("loses no acknowledged item and duplicates nothing", async () => {
    const all = Array.from({ length: BATCHES }, (_, b) => b);
    const acked: number[] = [];
    const first = await startServer(db.url());
    const load = send(first.url, all, (b) => {
      acked.push(b);
      if (acked.length === 60) first.child.kill("SIGKILL");
    });
    await load;
    expect(acked.length).toBeGreaterThanOrEqual(60);
    expect(acked.length).toBeLessThan(BATCHES);

    const afterCrash = await stored();
    for (const b of acked) {
      for (let i = 0; i < PER_BATCH; i++) {
        expect(afterCrash.events.get(`e-${b}-${i}`), `event e-${b}-${i}`).toBe(1);
        expect(afterCrash.samples.get(base + b * PER_BATCH + i), `sample ${b}/${i}`).toBe(1);
      }
    }

    // Senders retry whatever was not acknowledged (and sometimes what was): send it all again.
    const second = await startServer(db.url());
    await send(second.url, all, () => {});
    second.child.kill("SIGTERM");
    const final = await stored();
    expect(final.events.size).toBe(BATCHES * PER_BATCH);
    expect([...final.events.values()].every((n) => n === 1)).toBe(true);
    expect(final.samples.size).toBe(BATCHES * PER_BATCH);
    expect([...final.samples.values()].every((n) => n === 1)).toBe(true);
  });
});
