import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { useTestDatabase } from "@/test/db";
import { makeClient } from "@/test/fixtures";
import { appSeriesDb } from "./series-db";
import { insertEvents, insertSamples, upsertSeries } from "./write-series";
import { maintainStorage } from "@/lib/db/dialect";

describe("series writes", () => {
  useTestDatabase();
  let a: TenantContext;
  let b: TenantContext;

  beforeAll(async () => {
    a = await makeClient("writes-a");
    b = await makeClient("writes-b");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
  });

  it("maps a label set to one series per client, whatever the label order", async () => {
    const db = await appSeriesDb();
    const [x] = await upsertSeries(a, db, [{ name: "up", labels: { job: "j", instance: "i" } }]);
    const [y] = await upsertSeries(a, db, [{ name: "up", labels: { instance: "i", job: "j" } }]);
    const [z] = await upsertSeries(b, db, [{ name: "up", labels: { job: "j", instance: "i" } }]);
    expect(y).toBe(x);
    expect(z).not.toBe(x);
  });

  it("stores a retried batch once", async () => {
    const db = await appSeriesDb();
    const [id] = await upsertSeries(a, db, [{ name: "temp", labels: {} }]);
    const now = Date.now();
    const batch = [0, 1, 2].map((i) => ({ seriesId: id, time: new Date(now - i * 1000), value: i }));
    expect(await insertSamples(db, batch)).toBe(3);
    expect(await insertSamples(db, batch)).toBe(0);
    const events = [
      { time: new Date(now), name: "signup", id: "evt-1" },
      { time: new Date(now), name: "signup", id: "evt-2" },
    ];
    expect(await insertEvents(a, db, events)).toBe(2);
    expect(await insertEvents(a, db, events)).toBe(0);
    // Idempotency ids are per client: the same id from another client is a different event.
    expect(await insertEvents(b, db, events)).toBe(2);
  });
});
