import { describe, expect, it } from "vitest";
import { parsePromQL } from "../parse";
import { matchesAll } from "../selector";
import { Evaluator } from "./evaluator";
import type { Series, Storage } from "./types";

// In-memory storage: the evaluator is pure; the SQL storage is tested with the API.
const memory = (series: Series[]): Storage => ({
  select: (matchers, mint, maxt) =>
    series
      .filter((s) => matchesAll(s.labels, matchers))
      .map((s) => ({ labels: s.labels, points: s.points.filter((p) => p.t > mint && p.t <= maxt) })),
});

// A counter scraped every 15 s: +1.5 per scrape (0.1/s), reset to 0 at t=300 s.
const counter = (labels: Record<string, string>, perScrape = 1.5): Series => ({
  labels: { __name__: "requests_total", ...labels },
  points: Array.from({ length: 41 }, (_, i) => ({ t: i * 15_000, v: (i < 20 ? i : i - 20) * perScrape })),
});
const storage = memory([
  counter({ job: "api", instance: "a" }),
  counter({ job: "api", instance: "b" }, 3),
  counter({ job: "db", instance: "c" }),
  {
    labels: { __name__: "latency_bucket", le: "0.1" },
    points: [{ t: 600_000, v: 50 }],
  },
  { labels: { __name__: "latency_bucket", le: "1" }, points: [{ t: 600_000, v: 90 }] },
  { labels: { __name__: "latency_bucket", le: "+Inf" }, points: [{ t: 600_000, v: 100 }] },
]);

const instant = (q: string, t: number) =>
  new Evaluator(storage, { start: t, end: t, step: 1000 }).range(parsePromQL(q));
const values = (q: string, t: number) =>
  Object.fromEntries(instant(q, t).series.map((s) => [JSON.stringify(s.labels), s.points[0]?.v]));

describe("Evaluator", () => {
  it("selects the newest sample within the 5 minute lookback, honouring offset", () => {
    expect(values('requests_total{instance="a"}', 100_000)).toEqual({
      '{"__name__":"requests_total","job":"api","instance":"a"}': 9,
    });
    expect(values('requests_total{instance="a"} offset 1m', 100_000)).toEqual({
      '{"__name__":"requests_total","job":"api","instance":"a"}': 3,
    });
    expect(values('requests_total{instance="a"}', 600_000 + 301_000)).toEqual({});
  });

  it("computes rate with extrapolation and across counter resets", () => {
    // Within one minute of a steady counter: exactly 0.1/s.
    expect(values('rate(requests_total{instance="a"}[1m])', 120_000)).toEqual({ '{"job":"api","instance":"a"}': 0.1 });
    // Across the reset at 300 s the sample after it counts from zero (28.5 → 0 adds 0, as in
    // Prometheus): (3 - 21 + 28.5) / 120 s.
    const around = values('rate(requests_total{instance="a"}[2m])', 330_000)['{"job":"api","instance":"a"}'];
    expect(around).toBeCloseTo(10.5 / 120, 12);

    expect(values('increase(requests_total{instance="b"}[1m])', 120_000)).toEqual({
      '{"job":"api","instance":"b"}': 12,
    });
  });

  it("aggregates by and without, and keeps labels for topk", () => {
    expect(values("sum by (job) (rate(requests_total[1m]))", 120_000)).toEqual({
      '{"job":"api"}': 0.30000000000000004,
      '{"job":"db"}': 0.1,
    });
    expect(values("count without (instance) (requests_total)", 120_000)).toEqual({
      '{"job":"api"}': 2,
      '{"job":"db"}': 1,
    });
    expect(Object.keys(values("topk(1, requests_total)", 120_000))).toEqual([
      '{"__name__":"requests_total","job":"api","instance":"b"}',
    ]);
  });

  it("matches vectors one-to-one and many-to-one, filters with comparisons", () => {
    const ratio = values('requests_total / on(job, instance) requests_total{instance="b"}', 120_000);
    expect(ratio).toEqual({ '{"job":"api","instance":"b"}': 1 });
    const grouped = values(
      "requests_total / ignoring(instance) group_left sum without (instance) (requests_total)",
      120_000,
    );
    expect(grouped['{"job":"api","instance":"a"}']).toBeCloseTo(12 / 36);
    expect(values("requests_total > 20", 120_000)).toEqual({
      '{"__name__":"requests_total","job":"api","instance":"b"}': 24,
    });
    expect(values("requests_total > bool 20", 120_000)['{"job":"db","instance":"c"}']).toBe(0);
  });

  it("evaluates scalars, functions and histogram_quantile", () => {
    expect(instant("1 + 2 * 3", 0)).toEqual({ type: "scalar", series: [{ labels: {}, points: [{ t: 0, v: 7 }] }] });
    expect(values("histogram_quantile(0.9, latency_bucket)", 600_000)).toEqual({ "{}": 1 });
    expect(values("histogram_quantile(0.5, latency_bucket)", 600_000)).toEqual({ "{}": 0.1 });
    expect(values('absent(nonexistent{job="x"})', 0)).toEqual({ '{"job":"x"}': 1 });
    expect(values('label_replace(requests_total{instance="c"}, "host", "h-$1", "instance", "(.*)")', 120_000)).toEqual({
      '{"__name__":"requests_total","job":"db","instance":"c","host":"h-c"}': 12,
    });
    expect(
      values('max_over_time(rate(requests_total{instance="a"}[1m])[2m:30s])', 240_000)['{"job":"api","instance":"a"}'],
    ).toBeCloseTo(0.1);
  });

  it("steps through a range, one point per step", () => {
    const r = new Evaluator(storage, { start: 60_000, end: 120_000, step: 30_000 }).range(
      parsePromQL('requests_total{instance="a"}'),
    );
    expect(r.series[0].points).toEqual([
      { t: 60_000, v: 6 },
      { t: 90_000, v: 9 },
      { t: 120_000, v: 12 },
    ]);
  });
});
