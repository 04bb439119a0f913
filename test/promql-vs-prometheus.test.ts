// The same samples sent to a real Prometheus 2.42 (remote-write receiver) and to Telltale;
// the same range queries run against both must give the same series and values. A small
// preview of the compliance harness issue #4 asks for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { rangeQuery } from "@/lib/prom-api/query";
import { appSeriesDb } from "@/lib/series/series-db";
import { sendRemoteWrite, startPrometheus } from "@/scripts/lib/prometheus";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";
import { expectSameMatrix, type Matrix } from "./matrix";

const QUERIES = [
  "demo_gauge",
  "demo_gauge offset 5m",
  "rate(demo_counter[1m])",
  "increase(demo_counter[5m])",
  "irate(demo_counter[1m])",
  "sum by (job) (rate(demo_counter[5m]))",
  "avg_over_time(demo_gauge[5m])",
  "max_over_time(demo_gauge[3m])",
  "histogram_quantile(0.9, rate(demo_hist_bucket[5m]))",
  "demo_counter / on(instance, job) group_left demo_gauge",
  "topk(2, demo_gauge)",
  "demo_gauge > 50",
  "demo_gauge > bool 50",
  "time()",
  "max_over_time(rate(demo_counter[1m])[5m:1m])",
  'label_replace(demo_gauge, "host", "h-$1", "instance", "(.*)")',
  'count_values("v", round(demo_gauge / 10))',
  "deriv(demo_gauge[5m])",
  "predict_linear(demo_gauge[5m], 60)",
  "quantile(0.5, demo_gauge)",
  "stddev by (job) (demo_gauge)",
  'absent(nonexistent{job="x"})',
  "changes(demo_gauge[5m])",
  "resets(demo_counter[10m])",
  "-demo_gauge + 2 * 3",
  "demo_gauge and on(instance) demo_counter",
  "demo_gauge unless demo_gauge > 50",
  "sum(demo_gauge)",
  "avg by (job) (demo_gauge)",
  "min without (instance) (demo_gauge)",
  "max(demo_gauge) by (job)",
  "count(demo_counter)",
  "group by (job) (demo_gauge)",
  "stdvar(demo_gauge)",
  "bottomk(1, demo_gauge) by (job)",
  "quantile by (job) (0.9, demo_gauge)",
  "delta(demo_gauge[5m])",
  "idelta(demo_gauge[2m])",
  "sum_over_time(demo_gauge[2m])",
  "count_over_time(demo_gauge[5m])",
  "min_over_time(demo_gauge[5m])",
  "last_over_time(demo_gauge[5m])",
  "present_over_time(demo_gauge[5m])",
  "stddev_over_time(demo_gauge[5m])",
  "stdvar_over_time(demo_gauge[5m])",
  "quantile_over_time(0.5, demo_gauge[5m])",
  "absent_over_time(nonexistent[5m])",
  "abs(demo_gauge - 50)",
  "ceil(demo_gauge)",
  "floor(demo_gauge)",
  "round(demo_gauge, 5)",
  "sqrt(demo_gauge)",
  "exp(demo_gauge / 100)",
  "ln(demo_gauge)",
  "log2(demo_gauge)",
  "log10(demo_gauge)",
  "clamp(demo_gauge, 20, 70)",
  "clamp_max(demo_gauge, 60)",
  "clamp_min(demo_gauge, 40)",
  "sgn(demo_gauge - 50)",
  "timestamp(demo_gauge)",
  "vector(1)",
  "scalar(sum(demo_gauge))",
  "demo_gauge * on(instance) group_right(job) demo_counter",
  "demo_gauge or demo_counter",
  "demo_gauge % 7",
  "demo_gauge ^ 2",
  "2 ^ 3 ^ 2",
  "demo_gauge == bool demo_gauge",
  "demo_counter offset 10m",
  "rate(demo_counter[5m] offset 5m)",
  "demo_gauge @ end()",
  "rate(demo_counter[5m] @ start())",
  "day_of_month()",
  "hour(demo_gauge)",
  'label_join(demo_gauge, "combo", "-", "job", "instance")',
  "sum without (le) (rate(demo_hist_bucket[5m]))",
  "histogram_quantile(0.5, sum by (le) (rate(demo_hist_bucket[5m])))",
  'count_values by (job) ("value", demo_counter)',
  "topk(1, rate(demo_counter[5m]))",
  "avg_over_time(demo_gauge[5m:30s])",
  "rate(demo_counter[10m:1m])",
  "-demo_counter",
  "demo_gauge > 30 < 70",
  "sort_desc(demo_gauge)",
];

/** Queries Prometheus refuses; Telltale must refuse them too, with the same errorType. */
const INVALID = [
  "rate(demo_gauge)",
  "sum(demo_gauge[5m])",
  "demo_gauge[5m]",
  "1 > 2",
  "demo_gauge and 1",
  '{job=~".*"}',
  "demo_gauge{",
  "nosuch(demo_gauge)",
  "topk(demo_gauge)",
  "sum(demo_gauge) @ 100",
  "demo_gauge / on(job) demo_gauge",
  "demo_counter + on(job) group_left demo_gauge",
  '"a string"',
];

describe("PromQL compared with Prometheus 2.42", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  let promUrl: string;
  const end = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
  const start = end - 30 * 60_000;

  beforeAll(async () => {
    tenant = await makeClient("promql");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    prometheus = await startPrometheus();
    promUrl = prometheus.url;
    // 40 minutes of 15 s samples: counters with a reset, gauges, a histogram.
    const series: { labels: Record<string, string>; value: (i: number) => number }[] = [];
    for (const [job, instance] of [
      ["api", "a"],
      ["api", "b"],
      ["db", "c"],
    ]) {
      series.push({
        labels: { __name__: "demo_counter", job, instance },
        value: (i) => (i < 90 ? i * (instance.charCodeAt(0) - 96) : (i - 90) * 2),
      });
      series.push({
        labels: { __name__: "demo_gauge", job, instance },
        value: (i) => 50 + 40 * Math.sin(i / 10 + instance.charCodeAt(0)),
      });
    }
    for (const le of ["0.1", "0.5", "1", "+Inf"]) {
      const share = { "0.1": 0.3, "0.5": 0.7, "1": 0.9, "+Inf": 1 }[le]!;
      series.push({
        labels: { __name__: "demo_hist_bucket", job: "api", le },
        value: (i) => Math.round(i * 10 * share),
      });
    }
    const t0 = end - 40 * 60_000;
    const timeseries = series.map((s) => ({
      labels: s.labels,
      samples: Array.from({ length: 161 }, (_, i) => ({ timestamp: t0 + i * 15_000, value: s.value(i) })),
    }));
    await sendRemoteWrite(`${promUrl}/api/v1/write`, timeseries);
    const batch = emptyBatch();
    batch.metrics = series.map((s, index) => {
      const { __name__: name, ...labels } = s.labels;
      return {
        key: { name, labels },
        index,
        points: timeseries[index].samples.map((p) => [p.timestamp, p.value] as [number, number]),
      };
    });
    batch.received = series.length;
    await ingest(tenant, batch);
  }, 60_000);

  afterAll(() => prometheus?.stop());

  it.each(INVALID)("fails like Prometheus: %s", async (query) => {
    const params = new URLSearchParams({ query, start: String(start / 1000), end: String(end / 1000), step: "60" });
    const theirs = (await (await fetch(`${promUrl}/api/v1/query_range?${params}`)).json()) as {
      status: string;
      errorType: string;
    };
    expect(theirs.status).toBe("error");
    const ours = await rangeQuery(tenant, await appSeriesDb(), query, start, end, 60_000).then(
      () => ({ errorType: "none" }),
      (err: { errorType?: string }) => ({ errorType: err.errorType ?? "internal" }),
    );
    expect(ours.errorType).toBe(theirs.errorType);
  });

  it.each(QUERIES)("%s", async (query) => {
    const params = new URLSearchParams({ query, start: String(start / 1000), end: String(end / 1000), step: "60" });
    const theirs = (await (await fetch(`${promUrl}/api/v1/query_range?${params}`)).json()) as {
      status: string;
      data: { result: Matrix };
    };
    expect(theirs.status).toBe("success");
    const ours = (await rangeQuery(tenant, await appSeriesDb(), query, start, end, 60_000)) as unknown as {
      result: Matrix;
    };
    expectSameMatrix(ours.result, theirs.data.result, "Prometheus");
  });
});
