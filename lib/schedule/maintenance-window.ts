// When a silence holds (pure): a one-off silence for [startsAt, endsAt); a recurring
// maintenance window for windowMinutes from each time its cron expression names (read in
// its IANA time zone, so "0 2 * * 0" stays 02:00 across daylight-saving changes), within
// [startsAt, endsAt).
import { CronExpressionParser } from "cron-parser";

export type SilenceTiming = {
  startsAt: Date;
  endsAt: Date;
  recurrence: string | null;
  timezone: string | null;
  windowMinutes: number | null;
};

/** The window holding `at`, or null. */
export function activeWindow(s: SilenceTiming, at: Date): { start: Date; end: Date } | null {
  if (at < s.startsAt || at >= s.endsAt) return null;
  if (!s.recurrence) return { start: s.startsAt, end: s.endsAt };
  const start = CronExpressionParser.parse(s.recurrence, {
    currentDate: new Date(at.getTime() + 1), // prev() is strictly before: include a window opening at `at`
    tz: s.timezone ?? "UTC",
  })
    .prev()
    .toDate();
  const end = new Date(start.getTime() + (s.windowMinutes ?? 0) * 60_000);
  return at < end ? { start, end: end < s.endsAt ? end : s.endsAt } : null;
}

/** When the silence next holds, from `from` on (now, when it holds now), or null once it is over. */
export function nextWindowStart(s: SilenceTiming, from: Date): Date | null {
  if (from >= s.endsAt) return null;
  if (activeWindow(s, from)) return from;
  if (!s.recurrence) return from < s.startsAt ? s.startsAt : null;
  const after = from < s.startsAt ? s.startsAt : from;
  const next = CronExpressionParser.parse(s.recurrence, { currentDate: after, tz: s.timezone ?? "UTC" })
    .next()
    .toDate();
  return next < s.endsAt ? next : null;
}

/** A cron expression's problem in words, or null when it parses. */
export function cronProblem(expression: string): string | null {
  if (expression.trim().split(/\s+/).length !== 5) return "Five fields: minute hour day-of-month month day-of-week";
  try {
    CronExpressionParser.parse(expression, { strict: false });
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

export const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
