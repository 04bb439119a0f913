// The Performance view's numbers from spans in a real database: per-route percentiles weighted
// by sample_weight, error counts and Apdex, buckets over time, the week-ago overlay, the
// slowest requests, one trace as a waterfall, and nothing from another client.
import { beforeAll, describe, expect, it } from "vitest";
import { getPerformance, getSlowestRequests, getTrace } from "@/lib/apm/get-performance";
import type { TenantContext } from "@/lib/auth/tenant";
import { maintainStorage } from "@/lib/db/dialect";
import { performanceQuerySchema } from "@/lib/schemas/performance";
import { appSeriesDb } from "@/lib/series/series-db";
import { insertSpans, type SpanRow } from "@/lib/series/write-series";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const now = Date.now();
const q = (extra: Record<string, string> = {}) => performanceQuerySchema.parse({ range: "1h", ...extra });
let n = 0;
const request = (route: string, durationMs: number, extra: Partial<SpanRow> = {}): SpanRow => ({
  time: new Date(now - 30 * 60_000 + n * 1000),
  traceId: `trace${String(n++).padStart(4, "0")}`,
  spanId: `root${n}`,
  service: "api",
  name: `GET ${route}`,
  route,
  kind: "server",
  status: "ok",
  durationMs,
  ...extra,
});

describe("performance from spans", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;

  beforeAll(async () => {
    tenant = await makeClient("perf");
    other = await makeClient("perf-other");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 10 });
    const spans: SpanRow[] = [];
    for (let i = 1; i <= 100; i++) spans.push(request("/fast", i));
    for (let i = 0; i < 10; i++) spans.push(request("/slow", 1000 + i * 100, { status: i < 2 ? "error" : "ok" }));
    // Sampling kept both slow requests (weight 1) and one fast one standing for ten.
    spans.push(request("/sampled", 1000), request("/sampled", 1000), request("/sampled", 20, { sampleWeight: 10 }));
    // A database call inside a request is not a request.
    spans.push({
      ...request("/fast", 5000),
      spanId: "child",
      parentSpanId: "root1",
      traceId: "trace0000",
      kind: "client",
      route: undefined,
    });
    // Last week, same time of the window.
    spans.push(request("/fast", 300, { time: new Date(now - 7 * 86_400_000 - 20 * 60_000) }));
    await insertSpans(tenant, db, spans);
    await insertSpans(other, db, [request("/secret", 9999)]);
  });

  it("gives each route weighted percentiles, errors and Apdex, slowest first", async () => {
    const perf = await getPerformance(tenant, q(), now);
    expect(perf.services).toEqual(["api"]);
    expect(perf.routes.map((r) => r.route)).toEqual(["/slow", "/sampled", "/fast"]);
    const [slow, sampled, fast] = perf.routes;
    expect(fast).toMatchObject({ count: 100, errors: 0, p50: 50, p95: 95, p99: 99, apdex: 1 });
    // 8 tolerating (≤ 4 × 500 ms) and 2 failing of 10.
    expect(slow).toMatchObject({ count: 10, errors: 2, p50: 1400, p99: 1900, apdex: 0.4 });
    // Unweighted, the median would be 1,000 ms; the kept fast span stands for ten requests.
    expect(sampled).toMatchObject({ count: 12, p50: 20, p95: 1000 });
  });

  it("buckets the same requests over time and overlays last week", async () => {
    const perf = await getPerformance(tenant, q({ route: "/fast" }), now);
    expect(perf.routes.map((r) => r.route)).toEqual(["/fast"]);
    expect(perf.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(100);
    expect(perf.buckets.every((b) => b.t >= perf.start && b.t < perf.end)).toBe(true);
    expect(perf.weekAgo).toHaveLength(1);
    expect(perf.weekAgo[0]).toMatchObject({ count: 1, p50: 300 });
    expect(perf.weekAgo[0].t).toBeGreaterThanOrEqual(perf.start);
  });

  it("lists the slowest requests and draws a trace as a waterfall", async () => {
    const slowest = await getSlowestRequests(tenant, q({ service: "api" }), now);
    expect(slowest[0]).toMatchObject({ route: "/slow", durationMs: 1900, status: "ok" });
    const trace = await getTrace(tenant, "trace0000");
    expect(trace.rows.map((r) => [r.name, r.depth])).toEqual([
      ["GET /fast", 0],
      ["GET /fast", 1],
    ]);
  });

  it("shows nothing of another client", async () => {
    const perf = await getPerformance(other, q(), now);
    expect(perf.routes.map((r) => r.route)).toEqual(["/secret"]);
    await expect(getTrace(other, "trace0000")).rejects.toMatchObject({ status: 404 });
    expect((await getPerformance(tenant, q({ route: "/secret" }), now)).routes).toEqual([]);
  });
});
