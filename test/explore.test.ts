// Explore's query endpoint: a member's PromQL over a relative range, errors people can act on.
import { beforeAll, describe, expect, it } from "vitest";
import { narrowToSeries } from "@/lib/alerts/drilldown";
import { maintainStorage } from "@/lib/db/dialect";
import { exploreQuery } from "@/lib/explore/run-query";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import type { TenantContext } from "@/lib/auth/tenant";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

describe("exploreQuery", () => {
  useTestDatabase();
  let acme: TenantContext;
  let globex: TenantContext;
  const now = Date.now();

  beforeAll(async () => {
    acme = await makeClient("explore-acme");
    globex = await makeClient("explore-globex");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    const batch = emptyBatch();
    batch.metrics = ["a", "b", "c"].map((job, index) => ({
      key: { name: "jobs_waiting", labels: { job } },
      index,
      points: [[now - 120_000, index * 10] as [number, number]],
    }));
    batch.received = 3;
    await ingest(acme, batch);
  });

  it("answers the series over the window, largest first, with what it read", async () => {
    const r = await exploreQuery(acme, { query: "jobs_waiting", range: "15m" }, now);
    expect(r.series.map((s) => s.labels.job)).toEqual(["c", "b", "a"]);
    expect(r.resolution).toEqual(["raw"]);
    expect(r.stepMs).toBe(15_000);
    // The aligned steps, then the value right now (a fresh sample shows before the next step).
    expect(r.series[0].points.slice(-2)).toEqual([
      [r.end, 20],
      [now, 20],
    ]);
  });

  it("shows a sample sent after the last aligned step", async () => {
    const batch = emptyBatch();
    const later = now + 10_000;
    batch.metrics = [{ key: { name: "just_sent", labels: {} }, index: 0, points: [[later - 1_000, 7]] }];
    batch.received = 1;
    await ingest(acme, batch);
    const r = await exploreQuery(acme, { query: "just_sent", range: "6h" }, later);
    expect(r.end).toBeLessThan(later - 1_000);
    expect(r.series[0].points).toEqual([[later, 7]]);
  });

  it("answers a fixed window, and a drill-down query narrowed to one series", async () => {
    const from = now - 30 * 60_000;
    const to = now - 60_000;
    const q = narrowToSeries("jobs_waiting", { job: "b" });
    const r = await exploreQuery(acme, { query: q, range: "1h", from, to }, now);
    expect(r.series.map((s) => s.labels)).toEqual([{ __name__: "jobs_waiting", job: "b" }]);
    expect(r.start).toBeLessThanOrEqual(from);
    expect(r.end).toBeGreaterThanOrEqual(to);
    // A past window ends at its end: no "value at now" is appended.
    expect(r.series[0].points.at(-1)![0]).toBe(r.end);
  });

  it("shows another client nothing", async () => {
    expect((await exploreQuery(globex, { query: "jobs_waiting", range: "15m" }, now)).series).toEqual([]);
  });

  it("turns query problems into errors that quote them", async () => {
    await expect(exploreQuery(acme, { query: "sum(", range: "1h" }, now)).rejects.toMatchObject({
      status: 400,
      code: "bad_query",
    });
    await expect(exploreQuery(acme, { query: "jobs_waiting[5m]", range: "1h" }, now)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("range vector"),
    });
  });
});
