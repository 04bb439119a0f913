import { z } from "zod";
import { typeOf } from "@/lib/promql/ast";
import { parsePromQL, parseSelector } from "@/lib/promql/parse";

export const COMPARATORS = [">", ">=", "<", "<=", "==", "!="] as const;
export const SEVERITIES = ["critical", "high", "warning", "info"] as const;
/** A series without data: recovers ("ok"), keeps its state ("keep"), or breaches ("alert"). */
export const NO_DATA_POLICIES = ["ok", "keep", "alert"] as const;
/**
 * threshold: the query's value against a threshold. change: its percent change over a window.
 * anomaly: outside mean ± k·σ of a baseline window (the last hours, or the same time last week).
 * absence: a series or an event that stopped arriving. composite: other rules firing (and/or).
 */
export const RULE_KINDS = ["threshold", "change", "anomaly", "absence", "composite"] as const;
export const BASELINES = ["rolling", "last_week"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const DAY = 86_400;
const seconds = (min: number, max: number, what: string) =>
  z
    .number({ message: "A number of seconds" })
    .int()
    .min(min, `${what}: at least ${min} s`)
    .max(max, `${what}: at most ${max / DAY} days`);

/** Kind-specific settings; which ones a kind needs is checked below. */
const paramsSchema = z
  .object({
    /** change: how far back the value is compared; anomaly: the baseline window. */
    windowSeconds: seconds(60, 7 * DAY, "Window").optional(),
    baseline: z.enum(BASELINES).optional(),
    /** anomaly: how many standard deviations from the mean count as outside. */
    k: z.number({ message: "A number" }).min(0.5, "k: at least 0.5").max(20, "k: at most 20").optional(),
    /** absence: how long without a sample (or event) before it counts as stopped. */
    absentSeconds: seconds(10, 7 * DAY, "Absent for").optional(),
    /** absence: watch this event name instead of a series selector. */
    event: z.string().trim().max(200).optional(),
    operator: z.enum(["and", "or"]).optional(),
    ruleIds: z.array(z.uuid("A rule id")).max(20, "At most 20 rules").optional(),
  })
  .default({});
export type RuleParams = z.output<typeof paramsSchema>;

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

/** The query must parse and give an instant vector or a scalar: one value per series to compare. */
function checkInstantQuery(query: string, ctx: Ctx) {
  if (!query) return issue(ctx, ["query"], "Enter a PromQL query, e.g. sum by (job) (rate(http_requests_total[5m]))");
  try {
    const t = typeOf(parsePromQL(query));
    if (t !== "vector" && t !== "scalar")
      issue(
        ctx,
        ["query"],
        `The query gives a ${t === "matrix" ? "range vector" : t}; an alert needs one value per series (wrap it in rate() or max_over_time())`,
      );
  } catch (err) {
    issue(ctx, ["query"], (err as Error).message);
  }
}

function checkKind(rule: { kind: RuleKind; query: string; params: RuleParams }, ctx: Ctx): void {
  const p = rule.params;
  const need = (key: keyof RuleParams, message: string) => {
    if (p[key] === undefined) issue(ctx, ["params", key], message);
  };
  switch (rule.kind) {
    case "threshold":
      return checkInstantQuery(rule.query, ctx);
    case "change":
      checkInstantQuery(rule.query, ctx);
      return need("windowSeconds", "Compare with the value how long ago?");
    case "anomaly":
      checkInstantQuery(rule.query, ctx);
      need("windowSeconds", "How long a baseline window?");
      need("baseline", "Baseline: rolling or last_week");
      return need("k", "How many standard deviations (k)?");
    case "absence":
      need("absentSeconds", "Absent for how long?");
      if (p.event) {
        if (rule.query) issue(ctx, ["query"], "Either a series selector or an event name, not both");
        return;
      }
      if (!rule.query) return issue(ctx, ["query"], 'A series selector, e.g. heartbeat_total{job="sync"}, or an event');
      try {
        parseSelector(rule.query);
      } catch (err) {
        issue(ctx, ["query"], `Absence watches a series selector: ${(err as Error).message}`);
      }
      return;
    case "composite":
      if (new Set(p.ruleIds ?? []).size < 2) issue(ctx, ["params", "ruleIds"], "Choose at least two rules");
      return need("operator", "and (all firing) or or (any firing)");
  }
}

export const alertRuleSchema = z
  .object({
    name: z.string().trim().min(1, "Name the rule").max(200),
    kind: z.enum(RULE_KINDS).default("threshold"),
    query: z.string().trim().max(4000).default(""),
    /** threshold: the value; change: the percent change (e.g. > 50 or < -30). Unused by the others. */
    comparator: z.enum(COMPARATORS).default(">"),
    threshold: z.number({ message: "A number" }).finite().default(0),
    params: paramsSchema,
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
  })
  .superRefine(checkKind);
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type AlertRuleValues = z.output<typeof alertRuleSchema>;
export type AlertRuleDto = AlertRuleValues & {
  id: string;
  lastEvaluatedAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A backtest: the rule replayed over the last days at a coarser step. */
export type BacktestDto = {
  from: string;
  to: string;
  stepSeconds: number;
  firings: number;
  series: number;
  /** Each time it would have fired, with the series' labels and when it would have resolved. */
  incidents: { labels: Record<string, string>; firedAt: string; resolvedAt: string | null }[];
};
