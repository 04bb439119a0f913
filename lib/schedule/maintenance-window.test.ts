import { describe, expect, it } from "vitest";
import { activeWindow, cronProblem, isTimeZone, nextWindowStart, type SilenceTiming } from "./maintenance-window";

const sundays: SilenceTiming = {
  startsAt: new Date("2026-11-01T00:00:00Z"),
  endsAt: new Date("2027-11-01T00:00:00Z"),
  recurrence: "0 2 * * 0", // Sundays 02:00
  timezone: "Europe/Berlin",
  windowMinutes: 120,
};

describe("maintenance windows", () => {
  it("holds for its minutes from each cron time, in its own time zone", () => {
    // Sunday 6 Dec 2026, 02:00 in Berlin is 01:00 UTC (winter time).
    expect(activeWindow(sundays, new Date("2026-12-06T00:59:59Z"))).toBeNull();
    expect(activeWindow(sundays, new Date("2026-12-06T01:00:00Z"))).toEqual({
      start: new Date("2026-12-06T01:00:00Z"),
      end: new Date("2026-12-06T03:00:00Z"),
    });
    expect(activeWindow(sundays, new Date("2026-12-06T02:59:59Z"))).not.toBeNull();
    expect(activeWindow(sundays, new Date("2026-12-06T03:00:00Z"))).toBeNull();
    expect(activeWindow(sundays, new Date("2026-12-07T01:30:00Z"))).toBeNull(); // a Monday
    // Summer time: 02:00 in Berlin is 00:00 UTC.
    expect(activeWindow(sundays, new Date("2027-06-06T00:30:00Z"))?.start).toEqual(new Date("2027-06-06T00:00:00Z"));
  });

  it("stays within its overall start and end, and says when it next holds", () => {
    const short = { ...sundays, endsAt: new Date("2026-12-06T02:00:00Z") };
    expect(activeWindow(short, new Date("2026-12-06T01:30:00Z"))?.end).toEqual(new Date("2026-12-06T02:00:00Z"));
    expect(activeWindow(short, new Date("2026-12-13T01:30:00Z"))).toBeNull();
    expect(nextWindowStart(sundays, new Date("2026-12-04T12:00:00Z"))).toEqual(new Date("2026-12-06T01:00:00Z"));
    expect(nextWindowStart(short, new Date("2026-12-07T00:00:00Z"))).toBeNull();
  });

  it("treats a silence without recurrence as one window", () => {
    const once: SilenceTiming = { ...sundays, recurrence: null, timezone: null, windowMinutes: null };
    expect(activeWindow(once, new Date("2027-01-01T00:00:00Z"))).toEqual({ start: once.startsAt, end: once.endsAt });
    expect(nextWindowStart(once, new Date("2026-10-01T00:00:00Z"))).toEqual(once.startsAt);
  });

  it("explains bad cron expressions and time zones", () => {
    expect(cronProblem("0 2 * * 0")).toBeNull();
    expect(cronProblem("0 2 * *")).toMatch(/Five fields/);
    expect(cronProblem("0 25 * * 0")).not.toBeNull();
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
