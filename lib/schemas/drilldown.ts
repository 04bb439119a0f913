import { z } from "zod";

const MAX_SPAN_MS = 31 * 86_400_000;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A drill-down step: the query, its window, the labels chosen so far (m=name=value, repeated). */
export const drillInputSchema = z
  .object({
    q: z.string().trim().min(1, "A PromQL query to drill into").max(4000),
    from: z.coerce.number().int().positive(),
    to: z.coerce.number().int().positive(),
    m: z
      .array(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*=/, "name=value"))
      .max(20)
      .default([]),
    by: z.string().regex(labelName, "A label name").optional(),
  })
  .refine((q) => q.to > q.from && q.to - q.from <= MAX_SPAN_MS, {
    path: ["to"],
    message: "to must come after from, at most 31 days later",
  });
export type DrillInput = z.output<typeof drillInputSchema>;

/** m=name=value pairs as labels. */
export const drillLabels = (m: string[]): Record<string, string> =>
  Object.fromEntries(m.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));

export type LabelChange = { value: string; before: number | null; now: number | null; delta: number };
/** One label the query can be broken down by, with the values that moved most. */
export type LabelRankDto = { label: string; score: number; values: LabelChange[] };
export type DrillDto = {
  /** The query narrowed to the chosen labels. */
  query: string;
  labels: Record<string, string>;
  /** Candidate labels, what changed most (between the previous window and this one) first. */
  ranked: LabelRankDto[];
};

export type RawSampleDto = { labels: Record<string, string>; t: number; value: number };
export type DrillSamplesDto = { query: string; selectors: string[]; samples: RawSampleDto[]; truncated: boolean };
