// The community's PromQL compliance query set (../shared/promql-compliance), expanded the way
// the compliance tester expands it: every template variable takes every value of its variant.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export const QUERY_FILE = "../shared/promql-compliance/promql-test-queries.yml";

/** The tester's variants (prometheus/compliance, promql/cmd/promql-compliance-tester). */
export const VARIANTS: Record<string, string[]> = {
  range: ["1s", "15s", "1m", "5m", "15m", "1h"],
  offset: ["1m", "5m", "10m"],
  simpleAggrOp: ["sum", "avg", "max", "min", "count", "stddev", "stdvar"],
  simpleTimeAggrOp: ["sum", "avg", "max", "min", "count", "stddev", "stdvar", "absent", "last"],
  topBottomOp: ["topk", "bottomk"],
  quantile: ["-0.5", "0.1", "0.5", "0.75", "0.95", "0.90", "0.99", "1", "1.5"],
  arithBinOp: ["+", "-", "*", "/", "%", "^"],
  compBinOp: ["==", "!=", "<", ">", "<=", ">="],
  binOp: ["+", "-", "*", "/", "%", "^", "==", "!=", "<", ">", "<=", ">="],
  simpleMathFunc: ["abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "round"],
  extrapolatedRateFunc: ["delta", "rate", "increase"],
  clampFunc: ["clamp_min", "clamp_max"],
  instantRateFunc: ["idelta", "irate"],
  dateFunc: ["day_of_month", "day_of_week", "days_in_month", "hour", "minute", "month", "year"],
};

export type ComplianceCase = { query: string; shouldFail: boolean };
type RawCase = { query: string; variant_args?: string[]; should_fail?: boolean };

/** Every combination of the case's variant values, in the order the tester produces them. */
export function expandCase(raw: RawCase): ComplianceCase[] {
  let queries = [raw.query];
  for (const arg of raw.variant_args ?? []) {
    const values = VARIANTS[arg];
    if (!values) throw new Error(`unknown variant ${arg} in ${raw.query}`);
    queries = queries.flatMap((q) => values.map((v) => q.replaceAll(`{{.${arg}}}`, v)));
  }
  return queries.map((query) => ({ query, shouldFail: raw.should_fail ?? false }));
}

export function loadComplianceCases(file = QUERY_FILE): ComplianceCase[] {
  const doc = parse(readFileSync(file, "utf8")) as { test_cases: RawCase[] };
  return doc.test_cases.flatMap(expandCase);
}
