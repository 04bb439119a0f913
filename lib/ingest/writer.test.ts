import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { appSeriesDb } from "@/lib/series/series-db";
import { upsertSeries } from "@/lib/series/write-series";
import { useTestDatabase } from "@/test/db";
import { makeClient } from "@/test/fixtures";
import { ingestMetrics } from "./self-metrics";
import { IngestWriter, OverloadedError } from "./writer";

describe("IngestWriter", () => {
  useTestDatabase();
  let seriesId: bigint;

  beforeAll(async () => {
    const tenant = await makeClient("writer");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    [seriesId] = await upsertSeries(tenant, db, [{ name: "w", labels: {} }]);
  });

  const samples = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ seriesId, time: new Date(Date.now() - (from + i) * 1000), value: i }));
  const stored = async () => (await getPool().query("SELECT count(*)::int AS n FROM series.metric_samples")).rows[0].n;

  it("coalesces concurrent requests into fewer transactions, each promise settling after commit", async () => {
    const writer = new IngestWriter(getPool, { maxBufferedRows: 100_000, concurrency: 1 });
    const batchesBefore =
      (await ingestMetrics.batchRows.get()).values.find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer.write({ samples: samples(i * 10, 10) })));
    expect(await stored()).toBe(200);
    const batchesAfter = (await ingestMetrics.batchRows.get()).values.find((v) =>
      v.metricName?.endsWith("_count"),
    )!.value;
    expect(batchesAfter - batchesBefore).toBeLessThan(20);
    expect(writer.bufferedRows).toBe(0);
  });

  it("refuses work beyond its buffer instead of growing without bound", async () => {
    const writer = new IngestWriter(getPool, { maxBufferedRows: 50, concurrency: 1 });
    const first = writer.write({ samples: samples(1000, 40) });
    await expect(writer.write({ samples: samples(2000, 20) })).rejects.toBeInstanceOf(OverloadedError);
    await first;
    await expect(writer.write({ samples: samples(3000, 20) })).resolves.toBeUndefined();
  });

  it("rejects every waiting request when the database is down, and stores none of it", async () => {
    const dead = new pg.Pool({
      connectionString: "postgresql://postgres@127.0.0.1:1/none",
      connectionTimeoutMillis: 500,
    });
    const writer = new IngestWriter(() => dead, { maxBufferedRows: 1000 });
    const before = await stored();
    const results = await Promise.allSettled([
      writer.write({ samples: samples(5000, 5) }),
      writer.write({ samples: samples(6000, 5) }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await stored()).toBe(before);
    expect(writer.bufferedRows).toBe(0);
    await dead.end();
  });
});
