// The OpenTelemetry JS SDK, with its own OTLP exporters (protobuf and JSON), sending
// metrics and traces to Telltale's OTLP handlers over HTTP.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPMetricExporter as JsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as ProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postMetrics } from "@/app/api/otlp/v1/metrics/route";
import { POST as postTraces } from "@/app/api/otlp/v1/traces/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";
import { storedSamples } from "./ingest-helpers";
import { serveRoutes } from "@/scripts/lib/serve-routes";

describe.each([
  ["protobuf", ProtoMetricExporter, ProtoTraceExporter],
  ["JSON", JsonMetricExporter, JsonTraceExporter],
] as const)("OpenTelemetry SDK over OTLP/HTTP %s", (encoding, MetricExporter, TraceExporter) => {
  useTestDatabase();
  let tenant: TenantContext;
  let key: string;
  let app: Awaited<ReturnType<typeof serveRoutes>>;

  beforeAll(async () => {
    tenant = await makeClient(`otel-${encoding.toLowerCase()}`);
    key = (await createApiKey(tenant, { name: "otel", scopes: ["ingest"] })).key;
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 7 });
    app = await serveRoutes({ "POST /api/otlp/v1/metrics": postMetrics, "POST /api/otlp/v1/traces": postTraces });
  });
  afterAll(async () => app?.close());

  const resource = () => resourceFromAttributes({ "service.name": "checkout", "deployment.environment": "test" });

  it("delivers counters and histograms as Prometheus-style series", async () => {
    const exporter = new MetricExporter({
      url: `${app.url}/api/otlp/v1/metrics`,
      headers: { Authorization: `Bearer ${key}` },
    });
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ resource: resource(), readers: [reader] });
    const meter = provider.getMeter("shop");
    meter.createCounter("orders_total", { description: "Orders placed" }).add(3, { plan: "pro" });
    const latency = meter.createHistogram("checkout_latency", {
      unit: "ms",
      advice: { explicitBucketBoundaries: [10, 100] },
    });
    for (const v of [5, 50, 500, 700]) latency.record(v);
    await provider.shutdown(); // collects and exports once

    const orders = await storedSamples(tenant.clientId, "orders_total");
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ value: 3, metric_type: "counter" });
    expect(orders[0].labels).toMatchObject({
      service: "checkout",
      deployment_environment: "test",
      plan: "pro",
      otel_scope_name: "shop",
    });
    const buckets = await storedSamples(tenant.clientId, "checkout_latency_bucket");
    expect(Object.fromEntries(buckets.map((b) => [b.labels.le, b.value]))).toEqual({ "10": 1, "100": 2, "+Inf": 4 });
    expect((await storedSamples(tenant.clientId, "checkout_latency_count"))[0].value).toBe(4);
    expect((await storedSamples(tenant.clientId, "checkout_latency_sum"))[0].value).toBe(1255);
  });

  it("delivers spans with service, route, kind, status, parent and duration", async () => {
    const provider = new BasicTracerProvider({
      resource: resource(),
      spanProcessors: [
        new SimpleSpanProcessor(
          new TraceExporter({ url: `${app.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${key}` } }),
        ),
      ],
    });
    const tracer = provider.getTracer("shop");
    const root = tracer.startSpan("GET /checkout", {
      kind: SpanKind.SERVER,
      attributes: { "http.route": "/checkout", "http.response.status_code": 500 },
    });
    const child = tracer.startSpan("SELECT orders", { kind: SpanKind.CLIENT }, trace.setSpan(context.active(), root));
    child.end();
    root.setStatus({ code: SpanStatusCode.ERROR, message: "boom" });
    root.end();
    await provider.shutdown();

    const { rows } = await getPool().query(
      `SELECT trace_id, span_id, parent_span_id, service, name, route, kind, status, duration_ms, attributes
         FROM series.spans WHERE client_id = $1 ORDER BY name`,
      [tenant.clientId],
    );
    expect(rows).toHaveLength(2);
    const [server, db] = [rows.find((r) => r.kind === "server"), rows.find((r) => r.kind === "client")];
    expect(server).toMatchObject({
      service: "checkout",
      name: "GET /checkout",
      route: "/checkout",
      status: "error",
      parent_span_id: null,
    });
    expect(server.trace_id).toBe(root.spanContext().traceId);
    expect(server.span_id).toBe(root.spanContext().spanId);
    expect(server.attributes).toMatchObject({
      "http.route": "/checkout",
      "http.response.status_code": 500,
      "status.message": "boom",
    });
    expect(db).toMatchObject({ parent_span_id: server.span_id, trace_id: server.trace_id, status: "unset" });
    expect(server.duration_ms).toBeGreaterThanOrEqual(0);
  });
});
