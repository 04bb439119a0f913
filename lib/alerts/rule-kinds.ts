// What each rule kind measures (pure): every kind reduces to series with a value people see
// and a measure the state machine tests (transitions.ts), so `for`, hysteresis, no-data and
// flapping behave the same for all of them.
import type { RuleKind, RuleParams } from "@/lib/schemas/alert-rules";
import { fingerprintOf, type Comparator, type NoDataPolicy, type Observed, type RuleLogic } from "./transitions";

export type KindRule = {
  kind: RuleKind;
  comparator: string;
  threshold: number;
  params: RuleParams;
  forSeconds: number;
  recoveryMargin: number;
  recoveryEvaluations: number;
  noData: string;
};

/** The comparison the state machine applies to the kind's measure. */
export function ruleLogic(rule: KindRule): RuleLogic {
  const common = {
    forSeconds: rule.forSeconds,
    recoveryMargin: rule.recoveryMargin,
    recoveryEvaluations: rule.recoveryEvaluations,
    noData: rule.noData as NoDataPolicy,
  };
  const p = rule.params;
  switch (rule.kind) {
    case "anomaly":
      return { ...common, comparator: ">", threshold: p.k ?? 3 };
    case "absence":
      // A stopped series has no data by definition: its absence is the measure, never "no data".
      return { ...common, comparator: ">", threshold: p.absentSeconds ?? 300, noData: "ok" };
    case "composite":
      return {
        ...common,
        comparator: ">=",
        threshold: p.operator === "and" ? new Set(p.ruleIds).size : 1,
        noData: "ok",
      };
    default:
      return { ...common, comparator: rule.comparator as Comparator, threshold: rule.threshold };
  }
}

/** Percent change from the value `window` ago; a series without a past value has no change yet. */
export function percentChanges(current: Observed[], past: Observed[]): Observed[] {
  const before = new Map(past.map((o) => [o.fingerprint, o.value]));
  return current.flatMap((o) => {
    const old = before.get(o.fingerprint);
    if (old === undefined || Number.isNaN(old) || Number.isNaN(o.value)) return [];
    const measure =
      old === 0 ? (o.value === 0 ? 0 : Math.sign(o.value) * Infinity) : ((o.value - old) / Math.abs(old)) * 100;
    return [{ ...o, measure }];
  });
}

export type Band = { mean: number; sigma: number; n: number };

/** Mean and standard deviation of the finite values. */
export function bandOf(values: number[]): Band {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { mean: NaN, sigma: NaN, n };
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  const variance = finite.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  return { mean, sigma: Math.sqrt(variance), n };
}

/** Fewer baseline points than this and a series has no band yet (no data for the rule). */
export const MIN_BASELINE_POINTS = 5;

/**
 * Distance from the baseline mean in standard deviations. A flat baseline (σ = 0) would turn
 * any change into infinity, so σ is floored at 1 % of the mean's size (or 1e-9 around zero).
 */
export function bandScores(current: Observed[], baseline: Map<string, number[]>): (Observed & { band: Band })[] {
  return current.flatMap((o) => {
    const band = bandOf(baseline.get(o.fingerprint) ?? []);
    if (band.n < MIN_BASELINE_POINTS || !Number.isFinite(o.value)) return [];
    const sigma = Math.max(band.sigma, Math.abs(band.mean) * 0.01, 1e-9);
    return [{ ...o, measure: Math.abs(o.value - band.mean) / sigma, band }];
  });
}

/**
 * Seconds since each expected series last had a sample. With none seen in the horizon at
 * all, one series with the selector's equality labels stands for the whole (as absent() does).
 */
export function absences(
  lastSeen: { labels: Record<string, string>; at: number }[],
  now: number,
  wholeLabels: Record<string, string>,
): Observed[] {
  if (lastSeen.length === 0)
    return [{ fingerprint: fingerprintOf(wholeLabels), labels: wholeLabels, value: Infinity, measure: Infinity }];
  return lastSeen.map(({ labels, at }) => {
    const seconds = Math.max(0, (now - at) / 1000);
    return { fingerprint: fingerprintOf(labels), labels, value: seconds, measure: seconds };
  });
}

/** A composite is one series: how many of its rules are firing now. */
export function compositeObserved(firingRuleIds: Set<string>, ruleIds: string[]): Observed[] {
  const firing = [...new Set(ruleIds)].filter((id) => firingRuleIds.has(id)).length;
  return [{ fingerprint: fingerprintOf({}), labels: {}, value: firing }];
}
