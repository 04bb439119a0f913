// Escalation policies of one client (CRUD, audited) and the escalation pass of each alert
// round: every firing incident whose severity a policy handles gets the steps now due,
// written to the outbox once each (the dedupe key names incident, run, step and target).
import { badRequest, conflict, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { EscalationPolicy, Prisma, Severity } from "@/lib/db/generated/client";
import {
  escalationPolicySchema,
  type EscalationPolicyDto,
  type EscalationPolicyInput,
  type EscalationStep,
} from "@/lib/schemas/escalation";
import { dueSteps } from "./escalation-schedule";
import { memberEmails, notify, type Target } from "./notifications";

type Tx = Prisma.TransactionClient;

const toDto = (p: EscalationPolicy): EscalationPolicyDto => ({
  id: p.id,
  name: p.name,
  severities: p.severities,
  // Steps stored before members-by-name lack the field.
  steps: (p.steps as EscalationStep[]).map((s) => ({ ...s, members: s.members ?? [] })),
  repeat: p.repeat,
  repeatDelaySeconds: p.repeatDelaySeconds,
});

export async function listPolicies(tenant: TenantContext): Promise<EscalationPolicyDto[]> {
  const rows = await getPrisma().escalationPolicy.findMany({
    where: { clientId: tenant.clientId },
    orderBy: { name: "asc" },
  });
  return rows.map(toDto);
}

/** A severity belongs to one policy per client: the mapping must be unambiguous. */
async function checkSeverities(tx: Tx, clientId: string, severities: Severity[], except?: string) {
  const taken = await tx.escalationPolicy.findFirst({
    where: { clientId, severities: { hasSome: severities }, ...(except ? { id: { not: except } } : {}) },
  });
  if (taken)
    throw conflict(
      `“${taken.name}” already handles ${taken.severities.filter((s) => severities.includes(s)).join(", ")}`,
    );
}

/** Members named in steps must be this client's members. */
async function checkMembers(tx: Tx, clientId: string, steps: EscalationStep[]) {
  const named = steps.flatMap((s, i) => s.members.map((email, j) => ({ email, path: `steps.${i}.members.${j}` })));
  if (named.length === 0) return;
  const known = new Set(await memberEmails(tx, clientId, { emails: named.map((n) => n.email) }));
  const unknown = named.filter((n) => !known.has(n.email));
  if (unknown.length)
    throw badRequest(
      `${unknown.map((n) => n.email).join(", ")} ${unknown.length > 1 ? "are not members" : "is not a member"} of this client`,
      unknown.map((n) => ({ path: n.path, reason: "Not a member of this client" })),
    );
}

async function save(tenant: TenantContext, input: EscalationPolicyInput, id?: string): Promise<EscalationPolicyDto> {
  const data = escalationPolicySchema.parse(input);
  return getPrisma().$transaction(async (tx) => {
    await checkSeverities(tx, tenant.clientId, data.severities, id);
    await checkMembers(tx, tenant.clientId, data.steps);
    let row: EscalationPolicy;
    if (id) {
      const found = await tx.escalationPolicy.updateMany({ where: { id, clientId: tenant.clientId }, data });
      if (found.count === 0) throw notFound("Escalation policy");
      row = (await tx.escalationPolicy.findUnique({ where: { id } }))!;
    } else row = await tx.escalationPolicy.create({ data: { ...data, clientId: tenant.clientId } });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: id ? "escalation_policy.update" : "escalation_policy.create",
      targetType: "escalation_policy",
      targetId: row.id,
      details: { name: data.name },
    });
    return toDto(row);
  });
}

export const createPolicy = (tenant: TenantContext, input: EscalationPolicyInput) => save(tenant, input);
export const updatePolicy = (tenant: TenantContext, id: string, input: EscalationPolicyInput) =>
  save(tenant, input, id);

export async function deletePolicy(tenant: TenantContext, id: string): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const found = await tx.escalationPolicy.deleteMany({ where: { id, clientId: tenant.clientId } });
    if (found.count === 0) throw notFound("Escalation policy");
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "escalation_policy.delete",
      targetType: "escalation_policy",
      targetId: id,
    });
  });
}

/** The policy handling a severity for a client, if any. */
export const policyFor = (tx: Tx, clientId: string, severity: Severity) =>
  tx.escalationPolicy.findFirst({ where: { clientId, severities: { has: severity } } });

/** Writes every escalation step due by `now` for firing incidents; returns how many new notifications that made. */
export async function escalateDue(now = Date.now()): Promise<number> {
  const prisma = getPrisma();
  const firing = await prisma.incident.findMany({
    // Flapping incidents are on the timeline only (evaluate.ts).
    where: { state: "firing", firedAt: { not: null }, events: { none: { kind: "flapping" } } },
    include: { rule: { include: { client: true } } },
  });
  let written = 0;
  for (const incident of firing) {
    await prisma.$transaction(async (tx) => {
      const policy = await policyFor(tx, incident.clientId, incident.severity);
      if (!policy) return;
      for (const due of dueSteps(toDto(policy), incident.firedAt!.getTime(), now)) {
        const emails = [
          ...(await memberEmails(tx, incident.clientId, {
            roles: due.target.roles,
            emails: due.target.members ?? [],
          })),
          ...due.target.emails,
        ];
        const targets: Target[] = [
          ...emails.map((to) => ({ channel: "email" as const, to })),
          ...due.target.webhooks.map((w) => ({ channel: w.kind, to: w.url, secret: w.secret })),
        ];
        const labels = incident.labels as Record<string, string>;
        written += await notify(tx, incident.rule, { ...incident, labels }, "firing", incident.firedAt!, {
          targets,
          key: `r${due.run}s${due.step}`,
          now: new Date(now),
        });
      }
    });
  }
  return written;
}
