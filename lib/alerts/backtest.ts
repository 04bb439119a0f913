// A backtest: how often a rule would have fired over the last days. The rule's query runs as
// range queries at a coarser step (one evaluation per BACKTEST_STEP or per interval, whichever
// is longer) and the steps are replayed through the state machine (replay.ts).
import { badRequest } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/auth/tenant";
import { alertRuleSchema, type AlertRuleInput, type BacktestDto } from "@/lib/schemas/alert-rules";
import { seriesBetween } from "./observe";
import { replay, type ReplayStep } from "./replay";
import { bandScores, percentChanges, ruleLogic } from "./rule-kinds";
import type { Observed } from "./transitions";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
export const BACKTEST_DAYS = 7;
const BACKTEST_STEP = 300_000;

type Series = Awaited<ReturnType<typeof seriesBetween>>;

/** Per step time, each series' value at it. */
function byStep(series: Series, shift = 0): Map<number, Observed[]> {
  const steps = new Map<number, Observed[]>();
  for (const s of series)
    for (const p of s.points) {
      const t = p.t + shift;
      if (!steps.has(t)) steps.set(t, []);
      steps.get(t)!.push({ fingerprint: s.fingerprint, labels: s.labels, value: p.v });
    }
  return steps;
}

/** Values of each series in [from, to], for a band. */
function pointsIn(series: Series, from: number, to: number): Map<string, number[]> {
  return new Map(series.map((s) => [s.fingerprint, s.points.filter((p) => p.t >= from && p.t <= to).map((p) => p.v)]));
}

export async function backtestRule(
  tenant: TenantContext,
  input: AlertRuleInput,
  now = Date.now(),
): Promise<BacktestDto> {
  const rule = alertRuleSchema.parse(input);
  if (rule.kind === "absence" || rule.kind === "composite")
    throw badRequest("Backtests replay a query: they cover threshold, change and anomaly rules");
  const step = Math.max(BACKTEST_STEP, rule.intervalSeconds * 1000);
  const to = Math.floor(now / step) * step;
  const from = to - BACKTEST_DAYS * DAY;
  const times: number[] = [];
  for (let t = from; t <= to; t += step) times.push(t);
  const current = byStep(await seriesBetween(tenant, rule.query, from, to, step));
  let observedAt = (t: number) => current.get(t) ?? [];

  const w = (rule.params.windowSeconds ?? 3600) * 1000;
  if (rule.kind === "change") {
    const past = byStep(await seriesBetween(tenant, rule.query, from - w, to - w, step), w);
    observedAt = (t) => percentChanges(current.get(t) ?? [], past.get(t) ?? []);
  } else if (rule.kind === "anomaly") {
    const lastWeek = rule.params.baseline === "last_week";
    const base = lastWeek
      ? await seriesBetween(tenant, rule.query, from - WEEK - w / 2, to - WEEK + w / 2, step)
      : await seriesBetween(tenant, rule.query, from - w, to, step);
    observedAt = (t) =>
      bandScores(
        current.get(t) ?? [],
        lastWeek ? pointsIn(base, t - WEEK - w / 2, t - WEEK + w / 2) : pointsIn(base, t - w, t - step),
      );
  }
  const steps: ReplayStep[] = times.map((t) => ({ t, observed: observedAt(t) }));
  const incidents = replay(ruleLogic(rule), steps);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    stepSeconds: step / 1000,
    firings: incidents.length,
    series: new Set(incidents.map((i) => JSON.stringify(i.labels))).size,
    incidents: incidents.slice(-50).map((i) => ({
      labels: i.labels,
      firedAt: new Date(i.firedAt).toISOString(),
      resolvedAt: i.resolvedAt === null ? null : new Date(i.resolvedAt).toISOString(),
    })),
  };
}
