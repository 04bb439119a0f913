// The Business view from events in a real database: totals per name with users, values and
// the window before; volume per bucket; top property values; nothing of another client.
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { getBusiness } from "@/lib/business/get-business";
import { maintainStorage } from "@/lib/db/dialect";
import { businessQuerySchema } from "@/lib/schemas/business";
import { appSeriesDb } from "@/lib/series/series-db";
import { insertEvents, type EventRow } from "@/lib/series/write-series";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const now = Date.now();
const ago = (minutes: number) => new Date(now - minutes * 60_000);

describe("business events", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;

  beforeAll(async () => {
    tenant = await makeClient("biz");
    other = await makeClient("biz-other");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 3 });
    const events: EventRow[] = [
      { time: ago(10), name: "order_paid", userId: "u1", value: 30, properties: { plan: "pro", coupon: true } },
      { time: ago(20), name: "order_paid", userId: "u2", value: 50, properties: { plan: "pro" } },
      { time: ago(30), name: "order_paid", userId: "u1", value: 20, properties: { plan: "free", cart: { items: 2 } } },
      { time: ago(40), name: "page_view", userId: "u3", properties: { page: "/pricing" } },
      // The window before (the last hour's previous hour).
      { time: ago(90), name: "order_paid", userId: "u9", value: 100, properties: { plan: "pro" } },
    ];
    await insertEvents(tenant, db, events);
    await insertEvents(other, db, [{ time: ago(5), name: "secret_event", properties: { plan: "pro" } }]);
  });

  it("totals each event with its users, value and the window before", async () => {
    const biz = await getBusiness(tenant, businessQuerySchema.parse({ range: "1h" }), now);
    expect(biz.totals).toEqual([
      { name: "order_paid", count: 3, users: 2, value: 100, previousCount: 1, previousValue: 100 },
      { name: "page_view", count: 1, users: 1, value: null, previousCount: 0, previousValue: null },
    ]);
    expect(biz.buckets.reduce((n, b) => n + b.count, 0)).toBe(4);
  });

  it("lists the top property values of one event, scalars only", async () => {
    const biz = await getBusiness(tenant, businessQuerySchema.parse({ range: "1h", event: "order_paid" }), now);
    expect(biz.properties).toEqual([
      { key: "plan", value: "pro", count: 2 },
      { key: "coupon", value: "true", count: 1 },
      { key: "plan", value: "free", count: 1 },
    ]);
    expect(biz.buckets.every((b) => b.name === "order_paid")).toBe(true);
  });

  it("shows another client only its own events", async () => {
    const biz = await getBusiness(other, businessQuerySchema.parse({ range: "1h" }), now);
    expect(biz.totals.map((t) => t.name)).toEqual(["secret_event"]);
  });
});
