import { z } from "zod";
import { EXPLORE_RANGES } from "./explore";

export const businessQuerySchema = z.object({
  range: z.enum(EXPLORE_RANGES, { message: `One of ${EXPLORE_RANGES.join(", ")}` }).default("24h"),
  /** One event name to break down by its properties. */
  event: z.string().trim().min(1).max(200).optional(),
});
export type BusinessQuery = z.output<typeof businessQuerySchema>;
export type BusinessQueryInput = z.input<typeof businessQuerySchema>;

export type EventTotalsDto = {
  name: string;
  count: number;
  users: number;
  /** Sum of the events' values (revenue, scores); null when none carries one. */
  value: number | null;
  /** The same totals over the window before, for the change. */
  previousCount: number;
  previousValue: number | null;
};
export type EventBucketDto = { t: number; name: string; count: number; value: number | null };
export type PropertyValueDto = { key: string; value: string; count: number };

export type BusinessDto = {
  start: number;
  end: number;
  stepMs: number;
  totals: EventTotalsDto[];
  buckets: EventBucketDto[];
  /** Top property values of `event` (or of every event). */
  properties: PropertyValueDto[];
};
