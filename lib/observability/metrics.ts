// Telltale's own metrics, served in the Prometheus text format on /api/metrics.
import client from "prom-client";

const holder = globalThis as unknown as { __telltaleMetrics?: ReturnType<typeof createMetrics> };

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const httpRequestDuration = new client.Histogram({
    name: "telltale_http_request_duration_seconds",
    help: "HTTP request duration by route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpRequestDuration };
}

// One registry per process, even when Next loads this module in several bundles.
const metrics = (holder.__telltaleMetrics ??= createMetrics());
export const registry = metrics.registry;
export const httpRequestDuration = metrics.httpRequestDuration;

/** Registers a gauge computed at scrape time (e.g. database pool use); idempotent. */
export function registerGauge(name: string, help: string, labelNames: string[], collect: (g: client.Gauge) => void) {
  if (registry.getSingleMetric(name)) return;
  new client.Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      collect(this);
    },
  });
}
