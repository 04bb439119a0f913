import { z } from "zod";
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

export const silenceSchema = z.object({
  matchers,
  comment: z.string().trim().max(500).default(""),
  durationMinutes: z
    .number()
    .int()
    .min(1, "At least a minute")
    .max(60 * 24 * 30, "At most 30 days"),
  /** Optional future start (maintenance window); now when absent. */
  startsAt: z.iso.datetime({ offset: true }).optional(),
});
export type SilenceInput = z.input<typeof silenceSchema>;
export type SilenceDto = {
  id: string;
  matchers: string;
  comment: string;
  createdBy: string;
  startsAt: string;
  endsAt: string;
  active: boolean;
};
