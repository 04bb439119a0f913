import { z } from "zod";

export const ingestPolicySchema = z.object({
  maxSeries: z.coerce.number().int("Whole numbers only").min(1, "At least 1").max(100_000_000),
  maxNewSeriesPerDay: z.coerce.number().int("Whole numbers only").min(1, "At least 1").max(100_000_000),
  metricMinIntervalSec: z.coerce.number().int("Whole seconds").min(0, "0 keeps every sample").max(86_400),
  traceSampleRatio: z.coerce
    .number()
    .gt(0, "Above 0: use a small ratio like 0.01 rather than none")
    .max(1, "At most 1 (keep all)"),
  keepErrorSpans: z.boolean(),
  slowSpanMs: z.coerce.number().int().min(1).max(3_600_000).nullable(),
});
export type IngestPolicyInput = z.input<typeof ingestPolicySchema>;
export type IngestPolicyDto = z.output<typeof ingestPolicySchema> & { isDefault: boolean };
