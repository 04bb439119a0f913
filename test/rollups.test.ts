// Rollups answer aligned range functions exactly as raw samples do: before the rollup job
// runs (buckets computed from the raw tail), after it (rollup rows), and after late data
// lands in an hour that was already rolled up. The response says which resolution it read.
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { rangeQuery } from "@/lib/prom-api/query";
import { refreshRollups, rollupWatermark } from "@/lib/series/rollups";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";
import { expectSameMatrix, type Matrix } from "./matrix";

const HOUR = 3_600_000;
const QUERIES: [string, number][] = [
  ["rate(rollup_counter[1h])", HOUR],
  ["increase(rollup_counter[2h])", HOUR],
  ["sum by (job) (rate(rollup_counter[1h]))", HOUR],
  ["delta(rollup_gauge[1h])", HOUR],
  ["max_over_time(rollup_gauge[1h])", HOUR],
  ["min_over_time(rollup_gauge[3h])", HOUR],
  ["avg_over_time(rollup_gauge[1h])", HOUR],
  ["sum_over_time(rollup_gauge[1h])", HOUR],
  ["count_over_time(rollup_gauge[1h])", HOUR],
  ["last_over_time(rollup_gauge[1h])", HOUR],
  ["present_over_time(rollup_gauge[1h])", HOUR],
  ["rate(rollup_counter[5m])", 60_000],
  ["max_over_time(rollup_gauge[10m] offset 1h)", 300_000],
];

describe("rollups", () => {
  useTestDatabase();
  let tenant: TenantContext;
  const end = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
  const start = end - 4 * HOUR;

  const send = async (from: number, to: number, shift = 0) => {
    const batch = emptyBatch();
    const jobs = ["api", "db"];
    batch.metrics = jobs.flatMap((job, j) => {
      const times: number[] = [];
      // 15 s apart; job "api" exactly on minute and hour boundaries, where a window's closed end
      // takes the first sample of the next bucket, job "db" off them.
      for (let t = from + j * 1_234; t < to; t += 15_000) times.push(t);
      return [
        {
          key: { name: "rollup_counter", labels: { job } },
          index: j * 2,
          // A restart mid-hour and one right at an hour boundary.
          points: times.map((t) => [t, ((t - start) % (2.5 * HOUR)) / 1000 + shift] as [number, number]),
        },
        {
          key: { name: "rollup_gauge", labels: { job } },
          index: j * 2 + 1,
          points: times.map(
            (t, i) => [t, i === 7 ? NaN : 50 + 40 * Math.sin(t / 600_000 + j) + shift] as [number, number],
          ),
        },
      ];
    });
    batch.received = batch.metrics.length;
    await ingest(tenant, batch);
  };

  const both = async (query: string, step: number) => {
    const db = await appSeriesDb();
    const info: { resolutions?: string[] } = {};
    // Forced: these few hours would read raw by the planner's cost rule; exactness is the point.
    const rolled = (await rangeQuery(tenant, db, query, start, end, step, { info, rollups: true })) as {
      result: Matrix;
    };
    const raw = (await rangeQuery(tenant, db, query, start, end, step, { rollups: false })) as { result: Matrix };
    return { rolled: rolled.result, raw: raw.result, resolutions: info.resolutions };
  };

  beforeAll(async () => {
    tenant = await makeClient("rollups");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    await send(start - 3 * HOUR, end + HOUR);
  });

  it.each(QUERIES)("%s: equal to raw before the rollup job ran (tail bucketed from raw)", async (query, step) => {
    expect(await rollupWatermark((await appSeriesDb()).sql)).not.toBeNull();
    const { rolled, raw, resolutions } = await both(query, step);
    expect(resolutions).toEqual([step >= HOUR ? "1h" : "1m"]);
    expect(raw.length).toBeGreaterThan(0);
    expectSameMatrix(rolled, raw, "raw");
  });

  it("rolls up every pending minute, then answers from rollup rows", async () => {
    expect((await refreshRollups(getPool())).minutes).toBe(8 * 60);
    expect(await rollupWatermark((await appSeriesDb()).sql)).toBeNull();
    const { rows } = await getPool().query("SELECT count(*)::int AS n FROM series.metric_rollups_1h");
    expect(rows[0].n).toBeGreaterThan(0);
    for (const [query, step] of QUERIES) {
      const { rolled, raw, resolutions } = await both(query, step);
      expect(resolutions).toEqual([step >= HOUR ? "1h" : "1m"]);
      expectSameMatrix(rolled, raw, "raw");
    }
  });

  it("stays exact when late samples land in hours already rolled up", async () => {
    // Same series, values shifted, 7.5 s after the existing ones: new samples in old hours.
    await send(start - HOUR + 7_500, start + HOUR, 3);
    for (const [query, step] of QUERIES.slice(0, 5)) {
      const { rolled, raw } = await both(query, step);
      expectSameMatrix(rolled, raw, "raw");
    }
    await refreshRollups(getPool());
    for (const [query, step] of QUERIES) {
      const { rolled, raw } = await both(query, step);
      expectSameMatrix(rolled, raw, "raw");
    }
  });

  it("reads raw samples when the steps do not line up with whole buckets", async () => {
    const info: { resolutions?: string[] } = {};
    await rangeQuery(tenant, await appSeriesDb(), "rate(rollup_counter[1h])", start + 30_000, end, HOUR, {
      info,
      rollups: true,
    });
    expect(info.resolutions).toEqual(["raw"]);
  });
});
