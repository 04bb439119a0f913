// Thousands of malformed and hostile bodies at every ingest endpoint (seeded, so a failure
// reproduces): none may produce a 5xx, and nothing invalid may be stored.
import SnappyJS from "snappyjs";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as otlpMetrics } from "@/app/api/otlp/v1/metrics/route";
import { POST as otlpTraces } from "@/app/api/otlp/v1/traces/route";
import { POST as events } from "@/app/api/v1/events/route";
import { POST as metrics } from "@/app/api/v1/metrics/route";
import { POST as write } from "@/app/api/v1/write/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { prng } from "@/lib/demo/shapes";
import { ExportMetricsServiceRequest, ExportTraceServiceRequest } from "@/lib/ingest/proto/otlp";
import { WriteRequest } from "@/lib/ingest/proto/remote-write";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const rand = prng(1234);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const int = (n: number) => Math.floor(rand() * n);
const HOSTILE_STRINGS = [
  "",
  "\u0000",
  "a\u0000b",
  "💥",
  "\ud800",
  "x".repeat(5000),
  "__name__",
  "1abc",
  "le",
  "a.b",
  "' OR 1=1 --",
  "%s%n",
  "null",
];
const HOSTILE_NUMBERS = [0, -1, 1e308, -1e308, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 64, -(2 ** 63), 1e-320];

function value(depth = 0): unknown {
  switch (int(depth > 3 ? 4 : 7)) {
    case 0:
      return pick(HOSTILE_STRINGS);
    case 1:
      return pick(HOSTILE_NUMBERS);
    case 2:
      return pick([null, true, false]);
    case 3:
      return Date.now() + pick([0, -1, 1, -1e12, 1e12]);
    case 4:
      return Array.from({ length: int(4) }, () => value(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: int(4) }, () => [
          pick([...HOSTILE_STRINGS, "name", "points", "labels", "t", "v"]),
          value(depth + 1),
        ]),
      );
  }
}

/** Mostly-right JSON bodies with one thing wrong somewhere. */
function jsonMetricsBody() {
  const series = Array.from({ length: 1 + int(3) }, () => ({
    name: pick(["ok_metric", ...HOSTILE_STRINGS]),
    labels: rand() < 0.5 ? { job: pick(HOSTILE_STRINGS) } : value(),
    points: rand() < 0.5 ? [[Date.now(), pick(HOSTILE_NUMBERS)]] : value(),
    help: pick(HOSTILE_STRINGS),
  }));
  return JSON.stringify(rand() < 0.8 ? { series } : value());
}

function eventsBody() {
  const evs = Array.from({ length: 1 + int(3) }, () => ({
    name: pick(["signup", ...HOSTILE_STRINGS]),
    timestamp: rand() < 0.5 ? Date.now() : value(),
    properties: rand() < 0.5 ? { plan: pick(HOSTILE_STRINGS) } : value(),
    value: rand() < 0.5 ? pick(HOSTILE_NUMBERS) : value(),
    id: rand() < 0.5 ? undefined : pick(HOSTILE_STRINGS),
  }));
  return JSON.stringify(rand() < 0.8 ? { events: evs } : value());
}

const mangle = (bytes: Uint8Array) => {
  const b = Buffer.from(bytes);
  const mode = int(3);
  if (mode === 0) return b.subarray(0, int(b.length + 1));
  if (mode === 1) for (let i = 0; i < 1 + int(4); i++) b[int(b.length)] = int(256);
  return mode === 2 ? Buffer.concat([b, Buffer.from(Array.from({ length: int(16) }, () => int(256)))]) : b;
};

function remoteWriteBody() {
  const req = WriteRequest.encode(
    WriteRequest.fromObject({
      timeseries: [
        {
          labels: [
            { name: "__name__", value: pick(["rw_ok", ...HOSTILE_STRINGS]) },
            { name: pick(HOSTILE_STRINGS), value: pick(HOSTILE_STRINGS) },
          ],
          samples: [
            { value: pick([...HOSTILE_NUMBERS, NaN, Infinity]), timestamp: Date.now() + pick([0, -1e12, 1e12]) },
          ],
        },
      ],
      metadata: [{ type: int(8), metric_family_name: pick(HOSTILE_STRINGS), help: pick(HOSTILE_STRINGS) }],
    }),
  ).finish();
  return pick([
    () => Buffer.from(SnappyJS.compress(mangle(req))),
    () => Buffer.from(mangle(SnappyJS.compress(req))),
    () => Buffer.from(Array.from({ length: int(64) }, () => int(256))),
  ])();
}

function otlpBody(traces: boolean): { body: Buffer | string; type: string } {
  const kv = () => ({
    key: pick(HOSTILE_STRINGS),
    value: pick([
      { stringValue: pick(HOSTILE_STRINGS) },
      { intValue: String(int(1000)) },
      { doubleValue: pick(HOSTILE_NUMBERS) },
      {},
    ]),
  });
  const now = `${Date.now()}000000`;
  const obj = traces
    ? {
        resourceSpans: [
          {
            resource: { attributes: [kv()] },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: pick(["5b8aa5a2d2c872e8321cf37308d69df2", ...HOSTILE_STRINGS]),
                    spanId: pick(["051581bf3cb55c13", ...HOSTILE_STRINGS]),
                    name: pick(HOSTILE_STRINGS),
                    kind: int(9),
                    startTimeUnixNano: pick([now, "0", "-5", "abc"]),
                    endTimeUnixNano: now,
                    attributes: [kv()],
                    status: { code: int(5), message: pick(HOSTILE_STRINGS) },
                  },
                ],
              },
            ],
          },
        ],
      }
    : {
        resourceMetrics: [
          {
            resource: { attributes: [kv()] },
            scopeMetrics: [
              {
                scope: { name: pick(HOSTILE_STRINGS) },
                metrics: [
                  {
                    name: pick(["otel_ok", ...HOSTILE_STRINGS]),
                    unit: pick(HOSTILE_STRINGS),
                    gauge: {
                      dataPoints: [
                        { timeUnixNano: pick([now, "0", "abc"]), asDouble: pick(HOSTILE_NUMBERS), attributes: [kv()] },
                      ],
                    },
                    histogram:
                      rand() < 0.3
                        ? { dataPoints: [{ timeUnixNano: now, bucketCounts: value(), explicitBounds: value() }] }
                        : undefined,
                  },
                ],
              },
            ],
          },
        ],
      };
  if (rand() < 0.5) return { body: JSON.stringify(rand() < 0.8 ? obj : value()), type: "application/json" };
  const type = traces ? ExportTraceServiceRequest : ExportMetricsServiceRequest;
  try {
    return { body: Buffer.from(mangle(type.encode(type.fromObject(obj)).finish())), type: "application/x-protobuf" };
  } catch {
    return { body: Buffer.from(Array.from({ length: int(64) }, () => int(256))), type: "application/x-protobuf" };
  }
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
const CASES: [string, Handler, () => { body: Buffer | string; type: string }][] = [
  [
    "json metrics",
    metrics,
    () => ({ body: jsonMetricsBody(), type: pick(["application/json", "application/json; charset=utf-8"]) }),
  ],
  [
    "text metrics",
    metrics,
    () => ({
      body: pick([
        `m{a="${pick(HOSTILE_STRINGS)}"} ${pick(HOSTILE_NUMBERS)}`,
        '# TYPE x histogram\nx_bucket{le="a"} 1',
        String(value()),
        "{{{",
        "m 1 notatime",
      ]),
      type: "text/plain",
    }),
  ],
  ["events", events, () => ({ body: eventsBody(), type: "application/json" })],
  ["remote_write", write, () => ({ body: remoteWriteBody(), type: "application/x-protobuf" })],
  ["otlp metrics", otlpMetrics, () => otlpBody(false)],
  ["otlp traces", otlpTraces, () => otlpBody(true)],
];

describe("ingest fuzzing", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let key: string;

  beforeAll(async () => {
    tenant = await makeClient("fuzz");
    key = (await createApiKey(tenant, { name: "fuzz", scopes: ["ingest"] })).key;
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 7 });
  });

  it.each(CASES)("%s: 400 hostile bodies, some accepted, the rest 4xx, never 5xx", async (_name, handler, make) => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      const { body, type } = make();
      const res = await handler(
        new Request("http://t/", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": type },
          body: body as BodyInit,
        }),
        { params: Promise.resolve({}) },
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500)
        throw new Error(`${res.status} for body ${String(body).slice(0, 300)}: ${await res.text()}`);
    }
    // The generator must exercise both sides: some bodies accepted, some refused.
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
  });

  it("stored only valid data", async () => {
    const pool = getPool();
    const names = await pool.query(`SELECT metric_name, labels FROM series.metric_series WHERE client_id = $1`, [
      tenant.clientId,
    ]);
    expect(names.rows.length).toBeGreaterThan(0);
    for (const r of names.rows) {
      expect(r.metric_name).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/);
      for (const k of Object.keys(r.labels)) expect(k).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
    }
    const window = await pool.query(
      `SELECT count(*)::int AS n FROM series.metric_samples s JOIN series.metric_series m ON m.id = s.series_id
        WHERE m.client_id = $1 AND (s.time < now() - interval '8 days' OR s.time > now() + interval '1 hour')`,
      [tenant.clientId],
    );
    expect(window.rows[0].n).toBe(0);
    const events = await pool.query(`SELECT count(*)::int AS n FROM series.events WHERE client_id = $1 AND name = ''`, [
      tenant.clientId,
    ]);
    expect(events.rows[0].n).toBe(0);
  });
});
