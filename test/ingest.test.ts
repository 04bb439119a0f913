// The ingest endpoints through their route handlers, on a real PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import SnappyJS from "snappyjs";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postMetrics } from "@/app/api/v1/metrics/route";
import { POST as postWrite } from "@/app/api/v1/write/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { TenantContext } from "@/lib/auth/tenant";
import { maintainStorage } from "@/lib/db/dialect";
import { WriteRequest } from "@/lib/ingest/proto/remote-write";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";
import { count, storedSamples } from "./ingest-helpers";

type Handler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
const call = (
  handler: Handler,
  key: string,
  body: BodyInit,
  contentType = "application/json",
  extra: Record<string, string> = {},
) =>
  handler(
    new Request("http://t/api", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": contentType, ...extra },
      body,
    }),
    { params: Promise.resolve({}) },
  );

const remoteWrite = (req: object) =>
  Buffer.from(SnappyJS.compress(WriteRequest.encode(WriteRequest.fromObject(req)).finish()));

describe("ingest", () => {
  useTestDatabase();
  let acme: TenantContext;
  let globex: TenantContext;
  let acmeKey: string;
  let globexKey: string;
  let readOnlyKey: string;
  const now = Date.now();

  beforeAll(async () => {
    acme = await makeClient("ingest-acme");
    globex = await makeClient("ingest-globex");
    acmeKey = (await createApiKey(acme, { name: "ingest", scopes: ["ingest"] })).key;
    globexKey = (await createApiKey(globex, { name: "ingest", scopes: ["ingest"] })).key;
    readOnlyKey = (await createApiKey(acme, { name: "read", scopes: ["read"] })).key;
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 7 });
  });

  it("stores JSON metrics in both point forms, with type, unit and help", async () => {
    const body = {
      series: [
        {
          name: "http_requests_total",
          labels: { route: "/checkout" },
          type: "counter",
          unit: "requests",
          help: "Requests",
          points: [
            [now - 2000, 40],
            [now - 1000, 42],
          ],
        },
        { name: "queue_depth", points: [{ t: new Date(now - 1000).toISOString(), v: 7 }] },
      ],
    };
    const res = await call(postMetrics, acmeKey, JSON.stringify(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 2, rejected: 0, errors: [] });
    const rows = await storedSamples(acme.clientId, "http_requests_total");
    expect(rows.map((r) => r.value)).toEqual([40, 42]);
    expect(rows[0].labels).toEqual({ __name__: "http_requests_total", route: "/checkout" });
    expect(rows[0].metric_type).toBe("counter");
    expect((await storedSamples(acme.clientId, "queue_depth")).map((r) => r.value)).toEqual([7]);
  });

  it("accepts the valid items of a mixed batch and says which were rejected and why", async () => {
    const body = {
      series: [
        { name: "ok_metric", points: [[now, 1]] },
        { name: "bad-name", points: [[now, 1]] },
        { name: "m", labels: { "bad.label": "x" }, points: [[now, 1]] },
        { name: "m", points: [[now - 400 * 86_400_000, 1]] },
        { name: "m", points: [[now + 3_600_000, 1]] },
        { name: "m", points: [[now, "NaN"]] },
      ],
    };
    const res = await call(postMetrics, acmeKey, JSON.stringify(body));
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out.accepted).toBe(1);
    expect(out.errors.map((e: { index: number }) => e.index)).toEqual([1, 2, 3, 4, 5]);
    expect(out.errors[0].reason).toContain("not a valid Prometheus metric name");
    expect(out.errors[1].reason).toContain("label name 'bad.label'");
    expect(out.errors[2].reason).toContain("older than the accepted window");
    expect(out.errors[3].reason).toContain("too far in the future");
    expect(await storedSamples(acme.clientId, "m")).toEqual([]);
  });

  it("answers 400 with details when nothing is valid, and for malformed bodies", async () => {
    const none = await call(postMetrics, acmeKey, JSON.stringify({ series: [{ name: "1x", points: [[now, 1]] }] }));
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: { code: "invalid_items", details: [{ index: 0 }] } });
    for (const [body, type] of [
      ["{not json", "application/json"],
      ["[]", "application/json"],
      ["x", "application/xml"],
    ] as const) {
      const res = await call(postMetrics, acmeKey, body, type);
      expect(res.status, `${type} ${body}`).toBe(400);
      expect((await res.json()).error.code).toMatch(/malformed_body|unsupported_media_type/);
    }
    const badUtf8 = await call(postMetrics, acmeKey, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(await badUtf8.json()).toMatchObject({
      error: { code: "malformed_body", message: "The body is not valid UTF-8" },
    });
  });

  it("accepts the Prometheus text format, histograms included", async () => {
    const text = [
      "# HELP jobs_total Jobs done",
      "# TYPE jobs_total counter",
      `jobs_total{queue="a"} 5 ${now}`,
      "# TYPE rpc_seconds histogram",
      'rpc_seconds_bucket{le="0.1"} 3',
      'rpc_seconds_bucket{le="+Inf"} 4',
      "rpc_seconds_sum 0.9",
      "rpc_seconds_count 4",
      "",
    ].join("\n");
    const res = await call(postMetrics, acmeKey, text, "text/plain; version=0.0.4");
    expect(res.status).toBe(200);
    expect((await res.json()).accepted).toBe(5);
    const jobs = await storedSamples(acme.clientId, "jobs_total");
    expect(jobs).toMatchObject([{ value: 5, metric_type: "counter", labels: { queue: "a" } }]);
    expect(jobs[0].t.getTime()).toBe(now);
    expect((await storedSamples(acme.clientId, "rpc_seconds_bucket")).map((r) => [r.labels.le, r.value])).toEqual([
      ["+Inf", 4],
      ["0.1", 3],
    ]);
  });

  it("stores a retried remote_write batch once, keeps metadata, and refuses garbage", async () => {
    const req = {
      timeseries: [
        {
          labels: [
            { name: "__name__", value: "rw_up" },
            { name: "job", value: "node" },
          ],
          samples: [
            { value: 1, timestamp: now - 1000 },
            { value: 0, timestamp: now },
          ],
        },
      ],
    };
    for (let i = 0; i < 2; i++)
      expect((await call(postWrite, acmeKey, remoteWrite(req), "application/x-protobuf")).status).toBe(204);
    expect((await storedSamples(acme.clientId, "rw_up")).map((r) => r.value)).toEqual([1, 0]);
    const meta = { metadata: [{ type: "GAUGE", metric_family_name: "rw_up", help: "Is it up", unit: "" }] };
    expect((await call(postWrite, acmeKey, remoteWrite(meta), "application/x-protobuf")).status).toBe(204);
    expect((await storedSamples(acme.clientId, "rw_up"))[0].metric_type).toBe("gauge");
    const allBad = {
      timeseries: [{ labels: [{ name: "__name__", value: "bad-name" }], samples: [{ value: 1, timestamp: now }] }],
    };
    const refused = await call(postWrite, acmeKey, remoteWrite(allBad), "application/x-protobuf");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details[0].reason).toContain("not a valid Prometheus metric name");
    const garbage = await call(postWrite, acmeKey, Buffer.from("definitely not snappy"), "application/x-protobuf");
    expect(garbage.status).toBe(400);
    const notProto = await call(
      postWrite,
      acmeKey,
      Buffer.from(SnappyJS.compress(Buffer.from([0xff, 0xff, 0xff, 0xff]))),
      "application/x-protobuf",
    );
    expect(notProto.status).toBe(400);
  });

  it("stores events, deduplicating retries by id or by content", async () => {
    const events = [
      {
        name: "checkout_completed",
        timestamp: now - 5000,
        userId: "u1",
        sessionId: "s1",
        properties: { plan: "pro" },
        value: 49,
      },
      { name: "signup", timestamp: new Date(now - 4000).toISOString(), id: "evt-42" },
      { name: "bad", value: Infinity },
      { name: "" },
    ];
    const first = await call(postEvents, acmeKey, JSON.stringify({ events }).replace("null", "1e999"));
    const out = await first.json();
    expect(out.accepted).toBe(2);
    expect(out.errors.map((e: { index: number }) => e.index)).toEqual([2, 3]);
    await call(postEvents, acmeKey, JSON.stringify({ events: events.slice(0, 2) }));
    expect(await count("events", acme.clientId)).toBe(2);
  });

  it("requires an ingest key, and a key only ever writes into its own client", async () => {
    const body = JSON.stringify({ events: [{ name: "x", timestamp: now }] });
    expect((await call(postEvents, readOnlyKey, body)).status).toBe(403);
    expect((await call(postEvents, "tt_wrongwro_" + "x".repeat(43), body)).status).toBe(401);
    const before = await count("events", acme.clientId);
    expect((await call(postEvents, globexKey, body)).status).toBe(200);
    expect(await count("events", acme.clientId)).toBe(before);
    expect(await count("events", globex.clientId)).toBe(1);
  });

  it("refuses bodies over the size limit with 413", async () => {
    const big = JSON.stringify({ series: [{ name: "x", help: "y".repeat(20 * 1024 * 1024), points: [[now, 1]] }] });
    const res = await call(postMetrics, acmeKey, big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });
});

describe("ingest under pressure", () => {
  const db = useTestDatabase();
  let key: string;

  beforeAll(async () => {
    const tenant = await makeClient("pressure");
    key = (await createApiKey(tenant, { name: "ingest", scopes: ["ingest"] })).key;
    const sdb = await appSeriesDb();
    await maintainStorage(sdb.sql, sdb.dialect, { retentionDays: 7 });
  });

  it("answers 429 with Retry-After past the client's rate, and 503 with Retry-After when the database is down", async () => {
    const { setEnv } = await import("@/lib/env");
    const { closeDb } = await import("@/lib/db/client");
    const holder = globalThis as { __telltaleRateLimiter?: unknown; __telltaleIngest?: unknown };
    setEnv({ INGEST_RATE_LIMIT: "5" });
    holder.__telltaleRateLimiter = undefined;
    const events = (n: number) =>
      JSON.stringify({ events: Array.from({ length: n }, (_, i) => ({ name: "e", timestamp: Date.now() - i })) });
    expect((await call(postEvents, key, events(10))).status).toBe(200);
    const limited = await call(postEvents, key, events(10));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    setEnv({ INGEST_RATE_LIMIT: "" });
    holder.__telltaleRateLimiter = undefined;

    await closeDb();
    holder.__telltaleIngest = undefined;
    setEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    const down = await call(postEvents, key, events(1));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect((await down.json()).error.code).toBe("unavailable");
    await closeDb();
    holder.__telltaleIngest = undefined;
    setEnv({ DATABASE_URL: db.url() });
  });

  it("answers 503 with Retry-After beyond the requests it may parse at once", async () => {
    const { setEnv } = await import("@/lib/env");
    setEnv({ INGEST_MAX_INFLIGHT: "1" });
    const body = () =>
      JSON.stringify({ events: Array.from({ length: 200 }, (_, i) => ({ name: "burst", timestamp: Date.now() - i })) });
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => call(postEvents, key, body()).then((r) => r.status)),
    );
    setEnv({ INGEST_MAX_INFLIGHT: "" });
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
  });

  it("reports accepted and rejected items on /api/metrics", async () => {
    const { registry } = await import("@/lib/observability/metrics");
    await call(postEvents, key, JSON.stringify({ events: [{ name: "" }, { name: "ok", timestamp: Date.now() }] }));
    const text = await registry.metrics();
    expect(text).toMatch(/telltale_ingest_accepted_total\{endpoint="\/api\/v1\/events",kind="items"\} \d+/);
    expect(text).toMatch(/telltale_ingest_rejected_total\{endpoint="\/api\/v1\/events",reason="invalid_event"\} \d+/);
    expect(text).toContain("telltale_ingest_batch_rows_bucket");
    expect(text).toContain("telltale_ingest_buffered_rows");
  });
});
