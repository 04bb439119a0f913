import { z } from "zod";
import { cronProblem, isTimeZone } from "@/lib/schedule/maintenance-window";
import { parseSelector } from "@/lib/promql/parse";

/** Label matchers as in PromQL or Alertmanager: {job="api", severity=~"crit.*"}. */
const matchers = z
  .string()
  .trim()
  .min(3, 'Label matchers, e.g. {alertname="Queue too deep", queue="emails"}')
  .max(1000)
  .superRefine((text, ctx) => {
    try {
      parseSelector(text);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
    }
  });

export const silenceSchema = z
  .object({
    matchers,
    comment: z.string().trim().max(500).default(""),
    /** A one-off silence's length; for a recurring window, each window's length. */
    durationMinutes: z
      .number({ message: "A number of minutes" })
      .int()
      .min(1, "At least a minute")
      .max(60 * 24 * 30, "At most 30 days"),
    /** Optional future start (maintenance window); now when absent. */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    /** Recurring: a cron expression naming when each window opens, e.g. "0 2 * * 0" (Sundays 02:00). */
    recurrence: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => v || undefined)
      .superRefine((v, ctx) => {
        const problem = v && cronProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    /** The IANA time zone the cron expression is read in. */
    timezone: z.string().trim().refine(isTimeZone, "An IANA time zone, e.g. Europe/Berlin").default("UTC"),
    /** Recurring windows end then (default: a year after the start). */
    until: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((s) => !s.until || s.recurrence, { path: ["until"], message: "Only recurring windows have an end date" });
export type SilenceInput = z.input<typeof silenceSchema>;
export type SilenceDto = {
  id: string;
  matchers: string;
  comment: string;
  createdBy: string;
  startsAt: string;
  endsAt: string;
  recurrence: string | null;
  timezone: string | null;
  windowMinutes: number | null;
  active: boolean;
  /** When it next holds (now when active), null once over. */
  nextStart: string | null;
};
