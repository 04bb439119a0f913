// The Business view's data for a window: events per name (with the window before), their
// volume and value over time, and top property values.
import type { TenantContext } from "@/lib/auth/tenant";
import { rangeWindow } from "@/lib/explore/time-range";
import type { BusinessDto, BusinessQuery } from "@/lib/schemas/business";
import { appSeriesDb } from "@/lib/series/series-db";
import { eventTotals, eventVolume, topProperties } from "./event-queries";

const POINTS = 48;

export async function getBusiness(tenant: TenantContext, q: BusinessQuery, now = Date.now()): Promise<BusinessDto> {
  const db = await appSeriesDb();
  const w = rangeWindow(q.range, now, POINTS);
  // The bucket in progress is included, so today's events count.
  const end = w.end + w.stepMs;
  const window = { from: new Date(w.start), to: new Date(end) };
  const span = end - w.start;
  const previous = { from: new Date(w.start - span), to: new Date(w.start) };
  const [totals, buckets, properties] = await Promise.all([
    eventTotals(tenant, db, window, previous),
    eventVolume(tenant, db, window, w.stepMs, q.event),
    topProperties(tenant, db, window, q.event),
  ]);
  return { start: w.start, end, stepMs: w.stepMs, totals, buckets, properties };
}
