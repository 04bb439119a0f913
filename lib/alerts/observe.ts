// What a rule sees at `now`, per kind (I/O): its queries run through the PromQL engine, absence
// reads last-seen times, a composite reads its rules' open incidents. The arithmetic on what
// comes back is rule-kinds.ts.
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { AlertRule, Client } from "@/lib/db/generated/client";
import { instantQuery, rangeQuery } from "@/lib/prom-api/query";
import { parseSelector } from "@/lib/promql/parse";
import { selectSeries } from "@/lib/promql/select-series";
import type { RuleKind, RuleParams } from "@/lib/schemas/alert-rules";
import { lastEventTime, lastSampleTimes } from "@/lib/series/last-seen";
import { appSeriesDb } from "@/lib/series/series-db";
import { absences, bandScores, compositeObserved, percentChanges } from "./rule-kinds";
import { fingerprintOf, type Observed } from "./transitions";

type Rule = AlertRule & { client: Client };
const WEEK_MS = 7 * 86_400_000;
/** Absence remembers series seen within this horizon; one silent for longer is forgotten. */
export const ABSENCE_HORIZON_MS = WEEK_MS;

export const ruleTenant = (rule: Rule): TenantContext => ({
  clientId: rule.clientId,
  clientSlug: rule.client.slug,
  role: "viewer",
  actor: { kind: "system", via: "alerts" },
});

/** As Prometheus does for alerts: a series is known by its labels without the metric name. */
function withoutName(metric: Record<string, string>) {
  const { __name__: _name, ...labels } = metric;
  return labels;
}

/** The query's value at `t`, one per series (a scalar is one series without labels). */
export async function valuesAt(tenant: TenantContext, query: string, t: number): Promise<Observed[]> {
  const data = await instantQuery(tenant, await appSeriesDb(), query, t);
  if (data.resultType === "scalar") {
    const [, v] = data.result as [number, string];
    return [{ fingerprint: fingerprintOf({}), labels: {}, value: Number(v) }];
  }
  return (data.result as { metric: Record<string, string>; value: [number, string] }[]).map((s) => {
    const labels = withoutName(s.metric);
    return { fingerprint: fingerprintOf(labels), labels, value: Number(s.value[1]) };
  });
}

/** The query over [start, end] at `step` ms: each series' labels and points. */
export async function seriesBetween(tenant: TenantContext, query: string, start: number, end: number, step: number) {
  const data = await rangeQuery(tenant, await appSeriesDb(), query, start, end, step);
  return (data.result as { metric: Record<string, string>; values: [number, string][] }[]).map((s) => {
    const labels = withoutName(s.metric);
    return {
      fingerprint: fingerprintOf(labels),
      labels,
      points: s.values.map(([t, v]) => ({ t: t * 1000, v: Number(v) })),
    };
  });
}

/** The step of a baseline window: about 120 points, never under 10 s. */
export const baselineStep = (windowMs: number) => Math.max(10_000, Math.round(windowMs / 120 / 1000) * 1000);

/** The window the anomaly band is computed from, for a value at `now`. */
export function baselineWindow(params: RuleParams, now: number): { start: number; end: number; step: number } {
  const w = (params.windowSeconds ?? 3600) * 1000;
  const step = baselineStep(w);
  return params.baseline === "last_week"
    ? { start: now - WEEK_MS - w / 2, end: now - WEEK_MS + w / 2, step }
    : { start: now - w, end: now - step, step };
}

async function absenceObserved(tenant: TenantContext, query: string, params: RuleParams, now: number) {
  const since = new Date(now - ABSENCE_HORIZON_MS);
  const db = await appSeriesDb();
  if (params.event) {
    const at = await lastEventTime(tenant, db, params.event, since);
    return absences(at === null ? [] : [{ labels: { event: params.event }, at }], now, { event: params.event });
  }
  const matchers = parseSelector(query);
  const series = await selectSeries(tenant, db, matchers, { start: since, end: new Date(now) });
  const last = await lastSampleTimes(
    tenant,
    db,
    series.map((s) => s.id),
    since,
  );
  const whole = Object.fromEntries(
    matchers.filter((m) => m.op === "=" && m.name !== "__name__").map((m) => [m.name, m.value]),
  );
  return absences(
    series.filter((s) => last.has(s.id)).map((s) => ({ labels: withoutName(s.labels), at: last.get(s.id)! })),
    now,
    whole,
  );
}

/** Rules of the same client with an incident firing (or acknowledged) now. */
async function firingRules(clientId: string, ruleIds: string[]): Promise<Set<string>> {
  const rows = await getPrisma().incident.findMany({
    where: { clientId, ruleId: { in: ruleIds }, state: { in: ["firing", "acknowledged"] }, openKey: { not: null } },
    select: { ruleId: true },
    distinct: ["ruleId"],
  });
  return new Set(rows.map((r) => r.ruleId));
}

export async function observe(rule: Rule, now: number): Promise<Observed[]> {
  const tenant = ruleTenant(rule);
  const params = rule.params as RuleParams;
  switch (rule.kind as RuleKind) {
    case "change": {
      const ago = (params.windowSeconds ?? 3600) * 1000;
      const [current, past] = await Promise.all([
        valuesAt(tenant, rule.query, now),
        valuesAt(tenant, rule.query, now - ago),
      ]);
      return percentChanges(current, past);
    }
    case "anomaly": {
      const w = baselineWindow(params, now);
      const [current, baseline] = await Promise.all([
        valuesAt(tenant, rule.query, now),
        seriesBetween(tenant, rule.query, w.start, w.end, w.step),
      ]);
      return bandScores(current, new Map(baseline.map((s) => [s.fingerprint, s.points.map((p) => p.v)])));
    }
    case "absence":
      return absenceObserved(tenant, rule.query, params, now);
    case "composite":
      return compositeObserved(await firingRules(rule.clientId, params.ruleIds ?? []), params.ruleIds ?? []);
    default:
      return valuesAt(tenant, rule.query, now);
  }
}
