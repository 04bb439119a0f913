// Incidents of one client: the list, one with its timeline and notifications, and the two
// things people do to them — acknowledge (stops escalation) and resolve by hand.
import { conflict, notFound } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { AlertRule, Incident, IncidentEvent, Notification, Prisma } from "@/lib/db/generated/client";
import type { IncidentDto } from "@/lib/schemas/incidents";
import type { EscalationStep } from "@/lib/schemas/escalation";
import { drilldownPath } from "./drilldown";
import { policyFor } from "./escalation";
import { escalationStatus, notifiedSteps } from "./escalation-status";
import { notify } from "./notifications";
import { matchingSilences } from "./silences";

type Row = Incident & { rule: AlertRule; events?: IncidentEvent[]; notifications?: Notification[] };

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toDto = (i: Row): IncidentDto => ({
  id: i.id,
  ruleId: i.ruleId,
  ruleName: i.rule.name,
  query: i.rule.query,
  comparator: i.rule.comparator,
  threshold: i.rule.threshold,
  state: i.state,
  severity: i.severity,
  labels: i.labels as Record<string, string>,
  value: i.value,
  summary: i.summary,
  startedAt: i.startedAt.toISOString(),
  firedAt: iso(i.firedAt),
  acknowledgedAt: iso(i.acknowledgedAt),
  acknowledgedBy: i.acknowledgedBy,
  resolvedAt: iso(i.resolvedAt),
  events: i.events?.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actor: e.actor, value: e.value })),
  notified: i.notifications?.map((n) => ({
    target: n.target,
    status: n.status,
    attempts: n.attempts,
    sentAt: iso(n.sentAt),
  })),
});

const STATES: Record<"open" | "resolved" | "all", Prisma.IncidentWhereInput> = {
  open: { state: { in: ["pending", "firing", "acknowledged"] } },
  resolved: { state: "resolved" },
  all: {},
};

export async function listIncidents(tenant: TenantContext, state: "open" | "resolved" | "all"): Promise<IncidentDto[]> {
  const rows = await getPrisma().incident.findMany({
    where: { clientId: tenant.clientId, ...STATES[state] },
    include: { rule: true },
    orderBy: { startedAt: "desc" },
    take: 200,
  });
  return rows.map(toDto);
}

export async function getIncident(tenant: TenantContext, id: string): Promise<IncidentDto> {
  const row = await getPrisma().incident.findFirst({
    where: { id, clientId: tenant.clientId },
    include: { rule: true, events: { orderBy: { at: "asc" } }, notifications: { orderBy: { createdAt: "asc" } } },
  });
  if (!row) throw notFound("Incident");
  const silences =
    row.state === "resolved"
      ? []
      : await matchingSilences(
          getPrisma(),
          tenant.clientId,
          { ...(row.labels as Record<string, string>), alertname: row.rule.name },
          new Date(),
        );
  const policy = await policyFor(getPrisma(), tenant.clientId, row.severity);
  return {
    ...toDto(row),
    escalation: policy && {
      policy: policy.name,
      steps: escalationStatus(
        {
          steps: policy.steps as EscalationStep[],
          repeat: policy.repeat,
          repeatDelaySeconds: policy.repeatDelaySeconds,
        },
        row,
        notifiedSteps(row.notifications.map((n) => n.dedupeKey)),
        Date.now(),
      ),
    },
    explorePath: row.rule.query
      ? drilldownPath(tenant.clientSlug, {
          query: row.rule.query,
          labels: row.labels as Record<string, string>,
          ruleLabels: row.rule.labels as Record<string, string>,
          startedAt: row.startedAt,
          endedAt: row.resolvedAt,
        })
      : null,
    silencedBy: silences.map(({ id, matchers, comment, endsAt }) => ({ id, matchers, comment, endsAt })),
  };
}

/** Firing → acknowledged, once; `actor` goes on the timeline. Acknowledging twice changes nothing. */
export async function acknowledgeIncident(clientId: string, id: string, actor: string): Promise<IncidentDto> {
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.incident.findFirst({ where: { id, clientId }, include: { rule: true } });
    if (!row) throw notFound("Incident");
    if (row.state === "acknowledged") return toDto(row);
    if (row.state !== "firing") throw conflict(`Only a firing incident can be acknowledged; this one is ${row.state}`);
    const at = new Date();
    const updated = await tx.incident.update({
      where: { id },
      data: { state: "acknowledged", acknowledgedAt: at, acknowledgedBy: actor },
      include: { rule: true },
    });
    await tx.incidentEvent.create({ data: { incidentId: id, at, kind: "acknowledged", actor } });
    return toDto(updated);
  });
}

/** Resolves an open incident by hand; everyone notified hears it is resolved. */
export async function resolveIncident(tenant: TenantContext, id: string, actor: string): Promise<IncidentDto> {
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.incident.findFirst({
      where: { id, clientId: tenant.clientId },
      include: { rule: { include: { client: true } } },
    });
    if (!row) throw notFound("Incident");
    if (row.state === "resolved") throw conflict("The incident is resolved already");
    const at = new Date();
    const updated = await tx.incident.update({
      where: { id },
      data: { state: "resolved", resolvedAt: at, openKey: null },
      include: { rule: true },
    });
    await tx.incidentEvent.create({ data: { incidentId: id, at, kind: "resolved", actor } });
    await notify(tx, row.rule, { ...row, labels: row.labels as Record<string, string> }, "resolved", at);
    return toDto(updated);
  });
}
