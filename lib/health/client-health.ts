// System health of one client: its up-style metrics (`up`, anything ending in `_up`) with
// availability over a day and a week and the last sample, Telltale's own process health, and
// what Telltale ingested for the client.
import type { TenantContext } from "@/lib/auth/tenant";
import { registry } from "@/lib/observability/metrics";
import { labelValues } from "@/lib/prom-api/metadata-queries";
import { instantQuery } from "@/lib/prom-api/query";
import { selectSeries } from "@/lib/promql/select-series";
import type { ProcessStatsDto, SystemHealthDto, UpSeriesDto } from "@/lib/schemas/system-health";
import { lastSampleTimes } from "@/lib/series/last-seen";
import { seriesTotals } from "@/lib/series/overview-queries";
import { appSeriesDb, type SeriesDb } from "@/lib/series/series-db";
import { getHealth } from "./get-health";

const UP_STYLE = /^(up|[a-zA-Z_:][a-zA-Z0-9_:]*_up)$/;
const MAX_METRICS = 10;
const MAX_SERIES = 500;

type Vector = { metric: Record<string, string>; value: [number, string] }[];

/** A label set's identity, without the metric name (functions drop it, selectors keep it). */
const key = ({ __name__: _name, ...labels }: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());

async function vector(tenant: TenantContext, db: SeriesDb, query: string, t: number) {
  const res = await instantQuery(tenant, db, query, t);
  return new Map((res.result as Vector).map((s) => [key(s.metric), Number(s.value[1])]));
}

async function upSeries(tenant: TenantContext, db: SeriesDb, metric: string, now: number): Promise<UpSeriesDto[]> {
  const weekAgo = new Date(now - 7 * 86_400_000);
  const series = await selectSeries(tenant, db, [{ name: "__name__", op: "=", value: metric }], {
    start: weekAgo,
    end: new Date(now),
    limit: MAX_SERIES,
  });
  const [current, day, week, last] = await Promise.all([
    vector(tenant, db, metric, now),
    vector(tenant, db, `avg_over_time(${metric}[1d])`, now),
    vector(tenant, db, `avg_over_time(${metric}[7d])`, now),
    lastSampleTimes(
      tenant,
      db,
      series.map((s) => s.id),
      weekAgo,
    ),
  ]);
  return series.map(({ id, labels: { __name__: _name, ...labels } }) => ({
    metric,
    labels,
    up: current.get(key(labels)) ?? null,
    availability24h: day.get(key(labels)) ?? null,
    availability7d: week.get(key(labels)) ?? null,
    lastSeen: last.get(id) ?? null,
  }));
}

/** This process, from its own registry (the numbers /api/metrics serves). */
async function processStats(): Promise<ProcessStatsDto> {
  const metrics = await registry.getMetricsAsJSON();
  const value = (name: string, labels: Record<string, string> = {}) =>
    metrics
      .find((m) => m.name === name)
      ?.values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value ?? null;
  const pool = metrics.find((m) => m.name === "telltale_db_pool_connections");
  return {
    rssBytes: value("process_resident_memory_bytes"),
    heapUsedBytes: value("nodejs_heap_size_used_bytes"),
    eventLoopLagP99Seconds: value("nodejs_eventloop_lag_p99_seconds"),
    dbPool: Object.fromEntries((pool?.values ?? []).map((v) => [String(v.labels.state), v.value])),
  };
}

export async function getSystemHealth(tenant: TenantContext, now = Date.now()): Promise<SystemHealthDto> {
  const db = await appSeriesDb();
  const names = (await labelValues(tenant, db, "__name__", [], {}))
    .filter((n) => UP_STYLE.test(n))
    .slice(0, MAX_METRICS);
  const [health, process, targets, ingest24h] = await Promise.all([
    getHealth(),
    processStats(),
    Promise.all(names.map((n) => upSeries(tenant, db, n, now))),
    // Up to and including now.
    seriesTotals(tenant, db, { from: new Date(now - 86_400_000), to: new Date(now + 1), stepSeconds: 3600 }),
  ]);
  const all = targets.flat();
  // Silent (no sample within the lookback) first, then down, then the least available.
  all.sort((a, b) => (a.up ?? -1) - (b.up ?? -1) || (a.availability24h ?? 0) - (b.availability24h ?? 0));
  return { telltale: { ...health, process }, targets: all, ingest24h };
}
