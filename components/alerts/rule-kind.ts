// Rule kinds for people (pure): what the form keeps for each kind, and one line saying when a
// rule fires, for the rules list.
import type { AlertRuleDto, AlertRuleInput, RuleKind, RuleParams } from "@/lib/schemas/alert-rules";

export const KIND_LABELS: Record<RuleKind, string> = {
  threshold: "Threshold",
  change: "Rate of change",
  anomaly: "Anomaly",
  absence: "Absence",
  composite: "Composite",
};

const KEEP: Record<RuleKind, (keyof RuleParams)[]> = {
  threshold: [],
  change: ["windowSeconds"],
  anomaly: ["windowSeconds", "baseline", "k"],
  absence: ["absentSeconds", "event"],
  composite: ["operator", "ruleIds"],
};

const blank = (v: unknown) => v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));

/** The form's values with only the settings of the chosen kind (hidden inputs hold NaN or ""). */
export function forKind(values: AlertRuleInput): AlertRuleInput {
  const kind = values.kind ?? "threshold";
  const source = (values.params ?? {}) as Record<string, unknown>;
  const params = Object.fromEntries(
    KEEP[kind]
      .filter((k) => !blank(source[k]) && !(Array.isArray(source[k]) && !source[k].length))
      .map((k) => [k, source[k]]),
  );
  const usesQuery = kind !== "composite" && !(kind === "absence" && params.event);
  return { ...values, kind, params, query: usesQuery ? values.query : "" };
}

const duration = (s = 0) => (s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);

/** "> 50 % in 1 h", "outside mean ± 3σ of the last 1 h", … */
export function firesWhen(rule: AlertRuleDto, names: Map<string, string>): string {
  const p = rule.params;
  const forText = rule.forSeconds ? ` for ${duration(rule.forSeconds)}` : "";
  switch (rule.kind) {
    case "change":
      return `change ${rule.comparator} ${rule.threshold} % over ${duration(p.windowSeconds)}${forText}`;
    case "anomaly":
      return `outside mean ± ${p.k}σ of ${p.baseline === "last_week" ? "the same time last week" : "the last"} ${duration(p.windowSeconds)}${forText}`;
    case "absence":
      return `no ${p.event ? `“${p.event}” event` : "sample"} for ${duration(p.absentSeconds)}`;
    case "composite":
      return `${p.operator === "and" ? "all" : "any"} of ${(p.ruleIds ?? []).map((id) => names.get(id) ?? "a deleted rule").join(", ")} firing`;
    default:
      return `${rule.comparator} ${rule.threshold}${forText}`;
  }
}
