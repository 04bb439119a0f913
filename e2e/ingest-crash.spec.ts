// Kill -9 the production server (next start) in the middle of an ingest load: every
// acknowledged event, sample and span must be stored exactly once; resending everything
// afterwards (what senders do) fills the gaps without duplicating anything.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { fixtures } from "./helpers";

const PORT = 3400;
const BATCHES = 300;
const PER_BATCH = 50;

function startNext(databaseUrl: string): Promise<ChildProcess> {
  // The Next.js CLI run by node itself, so SIGKILL reaches the serving process.
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        NEXTAUTH_SECRET: "crash-test-secret-0123456789abcdef012345",
      },
      stdio: "ignore",
    },
  );
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      const up = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) resolve(child);
      else if (Date.now() > deadline || child.exitCode !== null) reject(new Error("next start did not come up"));
      else setTimeout(poll, 250);
    };
    void poll();
  });
}

test.describe.configure({ timeout: 180_000 });

test("SIGKILL mid-load loses no acknowledged item and a full resend duplicates nothing", async () => {
  const f = fixtures();
  const base = Date.now() - 3_600_000;
  const db = new pg.Client({ connectionString: f.databaseUrl });
  await db.connect();
  const { rows } = await db.query("SELECT id FROM clients WHERE slug = 'globex'");
  const clientId = rows[0].id;

  const bodies = (b: number) => ({
    "/api/v1/events": {
      events: Array.from({ length: PER_BATCH }, (_, i) => ({ name: "crash", id: `e-${b}-${i}`, timestamp: base + b })),
    },
    "/api/otlp/v1/traces": {
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "crash" } }] },
          scopeSpans: [
            {
              spans: Array.from({ length: PER_BATCH }, (_, i) => ({
                traceId: (b + 1).toString(16).padStart(32, "0"),
                spanId: (i + 1).toString(16).padStart(16, "0"),
                name: "crash",
                kind: 2,
                startTimeUnixNano: `${base + b}000000`,
                endTimeUnixNano: `${base + b + 5}000000`,
              })),
            },
          ],
        },
      ],
    },
    "/api/v1/metrics": {
      series: [
        {
          name: "crash_metric",
          labels: { batch: String(b % 7) },
          points: Array.from({ length: PER_BATCH }, (_, i) => [base + b * PER_BATCH + i, b]),
        },
      ],
    },
  });
  const send = async (onAck: (b: number) => void) => {
    let next = 0;
    const worker = async () => {
      while (next < BATCHES) {
        const b = next++;
        const results = await Promise.all(
          Object.entries(bodies(b)).map(([p, body]) =>
            fetch(`http://127.0.0.1:${PORT}${p}`, {
              method: "POST",
              headers: { authorization: `Bearer ${f.globex.apiKey}`, "content-type": "application/json" },
              body: JSON.stringify(body),
            }).then(
              (r) => r.ok,
              () => false,
            ),
          ),
        );
        if (results.every(Boolean)) onAck(b);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  };
  const stored = async () => {
    const ev = await db.query(
      `SELECT idempotency_id AS id, count(*)::int AS n FROM series.events WHERE client_id = $1 AND name = 'crash' GROUP BY 1`,
      [clientId],
    );
    const sm = await db.query(
      `SELECT s.time AS t, count(*)::int AS n FROM series.metric_samples s JOIN series.metric_series m ON m.id = s.series_id
        WHERE m.client_id = $1 AND m.metric_name = 'crash_metric' GROUP BY 1`,
      [clientId],
    );
    const sp = await db.query(
      `SELECT trace_id || '/' || span_id AS id, count(*)::int AS n FROM series.spans WHERE client_id = $1 AND service = 'crash' GROUP BY 1`,
      [clientId],
    );
    return {
      spans: new Map(sp.rows.map((r) => [r.id as string, r.n as number])),
      events: new Map(ev.rows.map((r) => [r.id as string, r.n as number])),
      samples: new Map(sm.rows.map((r) => [(r.t as Date).getTime(), r.n as number])),
    };
  };

  try {
    const acked: number[] = [];
    const first = await startNext(f.databaseUrl);
    await send((b) => {
      acked.push(b);
      if (acked.length === 60) first.kill("SIGKILL");
    });
    expect(acked.length).toBeGreaterThanOrEqual(60);
    expect(acked.length).toBeLessThan(BATCHES);
    const afterCrash = await stored();
    for (const b of acked) {
      for (let i = 0; i < PER_BATCH; i++) {
        expect(afterCrash.events.get(`e-${b}-${i}`), `event e-${b}-${i}`).toBe(1);
        expect(afterCrash.samples.get(base + b * PER_BATCH + i), `sample ${b}/${i}`).toBe(1);
        const span = `${(b + 1).toString(16).padStart(32, "0")}/${(i + 1).toString(16).padStart(16, "0")}`;
        expect(afterCrash.spans.get(span), `span ${span}`).toBe(1);
      }
    }

    const second = await startNext(f.databaseUrl);
    await send(() => {});
    second.kill("SIGTERM");
    const final = await stored();
    expect(final.events.size).toBe(BATCHES * PER_BATCH);
    expect([...final.events.values()].every((n) => n === 1)).toBe(true);
    expect(final.samples.size).toBe(BATCHES * PER_BATCH);
    expect([...final.samples.values()].every((n) => n === 1)).toBe(true);
    expect(final.spans.size).toBe(BATCHES * PER_BATCH);
    expect([...final.spans.values()].every((n) => n === 1)).toBe(true);
  } finally {
    await db.end();
  }
});
