// One evaluation round: every enabled rule whose interval has passed runs its query at
// `now`; the transitions (transitions.ts) are applied in one transaction per rule, with
// the timeline events and the outbox rows of the notifications they cause.
import { getPool, getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RuleKind, RuleParams } from "@/lib/schemas/alert-rules";
import { policyFor } from "./escalation";
import { notify, type RuleWithClient } from "./notifications";
import { observe } from "./observe";
import { ruleLogic } from "./rule-kinds";
import { isFlapping, renderTemplate, transitions, type Observed, type Transition } from "./transitions";

type Tx = Prisma.TransactionClient;

export type RoundResult = { evaluated: number; fired: number; resolved: number; failed: number };

const finite = (v: number) => (Number.isFinite(v) ? v : null);

async function apply(tx: Tx, rule: RuleWithClient, t: Transition, at: Date, seen: Map<string, Observed>) {
  const openKey = `${rule.id}:${t.fingerprint}`;
  if (t.kind === "pending" || t.kind === "firing") {
    const labels = { ...t.labels, ...(rule.labels as Record<string, string>) };
    const summary = renderTemplate(rule.summary, labels, t.value);
    const incident = t.isNew
      ? await tx.incident.create({
          data: {
            clientId: rule.clientId,
            ruleId: rule.id,
            fingerprint: t.fingerprint,
            openKey,
            labels,
            state: t.kind,
            severity: rule.severity,
            value: finite(t.value),
            summary,
            startedAt: at,
            firedAt: t.kind === "firing" ? at : null,
          },
        })
      : await tx.incident.update({
          where: { openKey },
          data: { state: "firing", firedAt: at, value: finite(t.value), summary },
        });
    await tx.incidentEvent.create({ data: { incidentId: incident.id, at, kind: t.kind, value: finite(t.value) } });
    if (t.kind !== "firing") return t.kind;
    // A series bouncing on the threshold: its first firing was told; the bounces are only on the timeline.
    const earlier = await tx.incident.findMany({
      where: { ruleId: rule.id, fingerprint: t.fingerprint, id: { not: incident.id }, firedAt: { not: null } },
      select: { firedAt: true },
    });
    if (
      isFlapping(
        earlier.map((e) => e.firedAt!.getTime()),
        at.getTime(),
      )
    ) {
      await tx.incidentEvent.create({ data: { incidentId: incident.id, at, kind: "flapping" } });
      return t.kind;
    }
    // With an escalation policy for the severity, its steps tell people (escalateDue, same round).
    if (!(await policyFor(tx, rule.clientId, rule.severity)))
      await notify(tx, rule, { ...incident, labels, value: finite(t.value) }, "firing", at);
    return t.kind;
  }
  if (t.kind === "still" || t.kind === "recovering") {
    await tx.incident.update({
      where: { openKey },
      data: {
        okStreak: t.kind === "recovering" ? t.okStreak : 0,
        ...(t.value === null ? {} : { value: finite(t.value) }),
      },
    });
    return t.kind;
  }
  const incident = await tx.incident.update({
    where: { openKey },
    data: { state: "resolved", resolvedAt: at, openKey: null },
  });
  const value = seen.get(t.fingerprint)?.value;
  await tx.incidentEvent.create({
    data: { incidentId: incident.id, at, kind: t.kind, value: value === undefined ? null : finite(value) },
  });
  if (t.kind === "resolved")
    await notify(
      tx,
      rule,
      { ...incident, labels: incident.labels as Record<string, string>, value: value ?? null },
      "resolved",
      at,
    );
  return t.kind;
}

export async function evaluateRule(rule: RuleWithClient, now: number): Promise<Transition["kind"][]> {
  const prisma = getPrisma();
  const at = new Date(now);
  let observed: Observed[];
  try {
    observed = await observe(rule, now);
  } catch (err) {
    // The query failed (bad data, budget, database): keep every state, say why on the rule.
    await prisma.alertRule.update({
      where: { id: rule.id },
      data: { lastEvaluatedAt: at, lastError: (err as Error).message.slice(0, 500) },
    });
    throw err;
  }
  const open = await prisma.incident.findMany({ where: { ruleId: rule.id, openKey: { not: null } } });
  const ts = transitions(
    ruleLogic({ ...rule, kind: rule.kind as RuleKind, params: rule.params as RuleParams }),
    observed,
    open.map((o) => ({
      fingerprint: o.fingerprint,
      state: o.state as "pending",
      startedAt: o.startedAt.getTime(),
      okStreak: o.okStreak,
    })),
    now,
  );
  const seen = new Map(observed.map((o) => [o.fingerprint, o]));
  return prisma.$transaction(async (tx) => {
    const kinds: Transition["kind"][] = [];
    for (const t of ts) kinds.push(await apply(tx, rule, t, at, seen));
    await tx.alertRule.update({ where: { id: rule.id }, data: { lastEvaluatedAt: at, lastError: null } });
    return kinds;
  });
}

const ROUND_CONCURRENCY = 4;

/** Runs `work` on every item, at most `limit` at once. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Every enabled rule that is due at `now`. Call it from one process at a time (scheduler.ts). */
export async function evaluateDueRules(now = Date.now()): Promise<RoundResult> {
  // This runs every second: only the due rules leave the database (500 ms slack for the tick).
  const { rows } = await getPool().query<{ id: string }>(
    `SELECT id FROM alert_rules
      WHERE enabled AND (last_evaluated_at IS NULL
        OR last_evaluated_at + make_interval(secs => interval_seconds) <= $1::timestamptz + INTERVAL '500 milliseconds')`,
    [new Date(now).toISOString()],
  );
  const due =
    rows.length === 0
      ? []
      : await getPrisma().alertRule.findMany({
          where: { id: { in: rows.map((r) => r.id) } },
          include: { client: true },
        });
  const result: RoundResult = { evaluated: 0, fired: 0, resolved: 0, failed: 0 };
  const run = async (rule: (typeof due)[number]) => {
    try {
      const kinds = await evaluateRule(rule, now);
      result.evaluated++;
      result.fired += kinds.filter((k) => k === "firing").length;
      result.resolved += kinds.filter((k) => k === "resolved").length;
    } catch {
      result.failed++;
    }
  };
  // Rules are independent: a few at a time keep the database busy without taking the whole
  // pool from ingest. Composites read their rules' incidents, so they go after those ran.
  await inParallel(
    due.filter((r) => r.kind !== "composite"),
    ROUND_CONCURRENCY,
    run,
  );
  await inParallel(
    due.filter((r) => r.kind === "composite"),
    ROUND_CONCURRENCY,
    run,
  );
  return result;
}
