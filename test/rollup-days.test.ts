// Long ranges read closed days packed by day (series.metric_rollup_days) by binary COPY,
// and aggregate them series by series across all steps: the answers stay the raw answers
// — after the days are built, when late samples land in a built day (before and after the
// job rebuilds it), and with the hour rows gone (proof the packed rows are what is read).
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool, pgSql } from "@/lib/db/client";
import { parseCopyBinary } from "@/lib/db/copy-binary";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { rangeQuery } from "@/lib/prom-api/query";
import { figuresFor } from "@/lib/promql/eval/buckets";
import { DayCache, readDays } from "@/lib/series/rollup-day-reader";
import { builtDays, DAY_MS } from "@/lib/series/rollup-days";
import { refreshRollups } from "@/lib/series/rollups";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";
import { expectSameMatrix, type Matrix } from "./matrix";

const HOUR = 3_600_000;
const QUERIES = [
  "sum by (job) (rate(days_counter[1h]))",
  "rate(days_counter[1h])",
  "increase(days_counter[3h])",
  "avg by (job) (max_over_time(days_gauge[2h]))",
  "min without (instance) (min_over_time(days_gauge[1h]))",
  "max(avg_over_time(days_gauge[1h]))",
  "count by (job) (delta(days_gauge[1h]))",
  "group by (job) (sum_over_time(days_gauge[1h]))",
  "sum(count_over_time(days_gauge[1h]))",
  "last_over_time(days_gauge[1h])",
  "present_over_time(days_counter[1h])",
];

describe("rollups packed by day", () => {
  useTestDatabase();
  let tenant: TenantContext;
  // Three closed days, ending at yesterday's midnight, and the query reaching into today,
  // whose first two hours are over (the job is told the time, as a clock would).
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const now = today + 2 * HOUR + 10 * 60_000;
  const from = today - 3 * DAY_MS;
  const start = from + 2 * HOUR;
  const end = today + HOUR;

  const send = async (since: number, until: number, shift = 0) => {
    const batch = emptyBatch();
    batch.metrics = ["api", "db", "web"].flatMap((job, j) => {
      const times: number[] = [];
      // "api" on hour boundaries (a window's closed end takes the next hour's first sample);
      // "web" silent two hours in six, so packed days hold empty hours.
      for (let t = since + j * 1_234; t < until; t += 60_000) {
        if (job !== "web" || Math.floor(t / HOUR) % 6 > 1) times.push(t);
      }
      return [
        {
          key: { name: "days_counter", labels: { job, instance: `i-${j}` } },
          index: j * 2,
          points: times.map((t) => [t, ((t - from) % (7 * HOUR)) / 1000 + shift] as [number, number]),
        },
        {
          key: { name: "days_gauge", labels: { job, instance: `i-${j}` } },
          index: j * 2 + 1,
          points: times.map((t) => [t, 50 + 40 * Math.sin(t / 900_000 + j) + shift] as [number, number]),
        },
      ];
    });
    batch.received = batch.metrics.length;
    await ingest(tenant, batch);
  };

  const expectRawAnswers = async () => {
    const db = await appSeriesDb();
    for (const query of QUERIES) {
      const info: { resolutions?: string[] } = {};
      const rolled = (await rangeQuery(tenant, db, query, start, end, HOUR, { info })) as { result: Matrix };
      const raw = (await rangeQuery(tenant, db, query, start, end, HOUR, { rollups: false })) as { result: Matrix };
      expect(info.resolutions, query).toEqual(["1h"]);
      expect(raw.result.length, query).toBeGreaterThan(0);
      expectSameMatrix(rolled.result, raw.result, `raw (${query})`);
    }
  };

  beforeAll(async () => {
    tenant = await makeClient("days");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 5 });
    await send(from, today + 2 * HOUR);
  });

  it("reads binary COPY rows field by field", async () => {
    const buf = await pgSql(getPool()).copyOut(
      `COPY (SELECT 7::int8, NULL::text, '\\x0102'::bytea UNION ALL SELECT 8, 'x', ''::bytea) TO STDOUT (FORMAT binary)`,
    );
    const { rows, fields, start: at, length } = parseCopyBinary(buf);
    expect([rows, fields]).toEqual([2, 3]);
    expect(buf.readBigInt64BE(at[0])).toBe(7n);
    expect([...length]).toEqual([8, -1, 2, 8, 1, 0]);
    expect([...buf.subarray(at[2], at[2] + 2)]).toEqual([1, 2]);
    expect(buf.toString("utf8", at[4], at[4] + 1)).toBe("x");
  });

  it("packs every closed day and today's closed hours, then answers long ranges from them as raw samples do", async () => {
    await refreshRollups(getPool(), now);
    const days = await builtDays(pgSql(getPool()), from, today + DAY_MS);
    expect(days.map((d) => [d.day, d.until])).toEqual([
      [from, from + DAY_MS],
      [from + DAY_MS, from + 2 * DAY_MS],
      [from + 2 * DAY_MS, today],
      [today, today + 2 * HOUR],
    ]);
    await expectRawAnswers();
  });

  it("reads the same days with and without the cache, and the cache only while a day is unchanged", async () => {
    const sql = pgSql(getPool());
    const days = await builtDays(sql, from, today);
    const ids = (await getPool().query("SELECT id::text FROM series.metric_series")).rows.map((r) => r.id);
    const figures = figuresFor("rate");
    const cache = new DayCache(10_000);
    const uncached = await readDays(sql, ids, days, start, today, figures, undefined);
    expect(await readDays(sql, ids, days, start, today, figures, cache)).toEqual(uncached);
    expect(cache.size).toBeGreaterThanOrEqual(ids.length * days.length); // each day, and the assembled runs
    // Served from the cache: the same answer with the table emptied...
    await getPool().query("CREATE TABLE saved_days AS SELECT * FROM series.metric_rollup_days");
    await getPool().query("DELETE FROM series.metric_rollup_days");
    expect(await readDays(sql, ids, days, start, today, figures, cache)).toEqual(uncached);
    // ...but not once a day has been packed again (a new built_at).
    const packAgain = async () => {
      await getPool().query("UPDATE series.rollup_days_built SET built_at = clock_timestamp()");
      return builtDays(sql, from, today);
    };
    expect((await readDays(sql, ids, await packAgain(), start, today, figures, cache)).size).toBe(0);
    await getPool().query("INSERT INTO series.metric_rollup_days SELECT * FROM saved_days");
    expect(await readDays(sql, ids, await packAgain(), start, today, figures, cache)).toEqual(uncached);
  });

  it("stays exact when late samples land in a packed day, before and after it is packed again", async () => {
    await send(from + 5 * HOUR + 20_000, from + 9 * HOUR, 2);
    await expectRawAnswers();
    await refreshRollups(getPool(), now);
    await expectRawAnswers();
  });

  it("packs today again when late samples change its packed hours, and as more hours close", async () => {
    const sql = pgSql(getPool());
    const [before] = await builtDays(sql, today, today + 1);
    await send(today + 30 * 60_000 + 7_000, today + 50 * 60_000, 3);
    await expectRawAnswers();
    await refreshRollups(getPool(), now);
    const [after] = await builtDays(sql, today, today + 1);
    expect(after.builtAt).toBeGreaterThan(before.builtAt);
    expect(after.until).toBe(today + 2 * HOUR);
    await expectRawAnswers();
    // Nothing new: today stays as it is; an hour later, one more hour is packed.
    await refreshRollups(getPool(), now);
    expect((await builtDays(sql, today, today + 1))[0]).toEqual(after);
    await refreshRollups(getPool(), now + HOUR);
    expect((await builtDays(sql, today, today + 1))[0].until).toBe(today + 3 * HOUR);
    await expectRawAnswers();
  });

  it("reads the packed rows, not the hour rows, for built days and today's packed hours", async () => {
    const rolled = await rangeQuery(tenant, await appSeriesDb(), QUERIES[0], start, end, HOUR);
    await getPool().query(`DELETE FROM series.metric_rollups_1h WHERE time < $1`, [
      new Date(today + 2 * HOUR).toISOString(),
    ]);
    const again = await rangeQuery(tenant, await appSeriesDb(), QUERIES[0], start, end, HOUR);
    expect(again).toEqual(rolled);
  });
});
