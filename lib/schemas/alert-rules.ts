import { z } from "zod";
import { typeOf } from "@/lib/promql/ast";
import { parsePromQL } from "@/lib/promql/parse";

export const COMPARATORS = [">", ">=", "<", "<=", "==", "!="] as const;
export const SEVERITIES = ["critical", "high", "warning", "info"] as const;
/** A series without data: recovers ("ok"), keeps its state ("keep"), or breaches ("alert"). */
export const NO_DATA_POLICIES = ["ok", "keep", "alert"] as const;

/** The query must parse and give an instant vector or a scalar: one value per series to compare. */
const promql = z
  .string()
  .trim()
  .min(1, 'Enter a PromQL query, e.g. sum by (job) (rate(http_requests_total{status=~"5.."}[5m]))')
  .max(4000)
  .superRefine((query, ctx) => {
    try {
      const t = typeOf(parsePromQL(query));
      if (t !== "vector" && t !== "scalar")
        ctx.addIssue({
          code: "custom",
          message: `The query gives a ${t === "matrix" ? "range vector" : t}; an alert needs one value per series (wrap it in rate() or max_over_time())`,
        });
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
    }
  });

export const alertRuleSchema = z.object({
  name: z.string().trim().min(1, "Name the rule").max(200),
  query: promql,
  comparator: z.enum(COMPARATORS),
  threshold: z.number({ message: "A number" }).finite(),
  forSeconds: z.number().int().min(0).max(86_400).default(0),
  intervalSeconds: z.number().int().min(5, "At least 5 seconds").max(3600).default(10),
  severity: z.enum(SEVERITIES).default("warning"),
  labels: z
    .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "Label names: letters, digits, _"), z.string().max(1000))
    .default({}),
  summary: z.string().max(2000).default(""),
  recoveryMargin: z.number().min(0, "0 or more").finite().default(0),
  recoveryEvaluations: z.number().int().min(1, "At least 1").max(100).default(1),
  noData: z.enum(NO_DATA_POLICIES).default("ok"),
  enabled: z.boolean().default(true),
});
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type AlertRuleDto = z.output<typeof alertRuleSchema> & {
  id: string;
  lastEvaluatedAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
};
