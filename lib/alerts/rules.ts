// Alert rules of one client: list, read, create, update, delete (audited), always scoped
// to the tenant, so another client's rule id is simply not found.
import { badRequest, notFound, conflict } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { AlertRule } from "@/lib/db/generated/client";
import {
  alertRuleSchema,
  type AlertRuleDto,
  type AlertRuleInput,
  type AlertRuleValues,
  type RuleKind,
  type RuleParams,
} from "@/lib/schemas/alert-rules";

const toDto = (r: AlertRule): AlertRuleDto => ({
  id: r.id,
  name: r.name,
  kind: r.kind as RuleKind,
  query: r.query,
  params: r.params as RuleParams,
  comparator: r.comparator as AlertRuleDto["comparator"],
  threshold: r.threshold,
  forSeconds: r.forSeconds,
  intervalSeconds: r.intervalSeconds,
  severity: r.severity,
  labels: r.labels as Record<string, string>,
  summary: r.summary,
  recoveryMargin: r.recoveryMargin,
  recoveryEvaluations: r.recoveryEvaluations,
  noData: r.noData as AlertRuleDto["noData"],
  enabled: r.enabled,
  lastEvaluatedAt: r.lastEvaluatedAt?.toISOString() ?? null,
  lastError: r.lastError,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const isUnique = (e: unknown) => (e as { code?: string })?.code === "P2002";
const duplicateName = (name: string) => conflict(`A rule named "${name}" exists already`);

/** A composite's rules: other rules of the same client, none of them composite (no cycles). */
async function checkComposite(tenant: TenantContext, data: AlertRuleValues, selfId?: string) {
  if (data.kind !== "composite") return;
  const ids = [...new Set(data.params.ruleIds ?? [])];
  if (selfId && ids.includes(selfId)) throw badRequest("A composite rule cannot include itself");
  const found = await getPrisma().alertRule.findMany({
    where: { id: { in: ids }, clientId: tenant.clientId },
    select: { id: true, kind: true, name: true },
  });
  const missing = ids.filter((id) => !found.some((r) => r.id === id));
  if (missing.length) throw badRequest(`No such rule: ${missing.join(", ")}`);
  const nested = found.filter((r) => r.kind === "composite");
  if (nested.length) throw badRequest(`A composite cannot include another composite (${nested[0].name})`);
}

export async function listRules(tenant: TenantContext): Promise<AlertRuleDto[]> {
  const rules = await getPrisma().alertRule.findMany({
    where: { clientId: tenant.clientId },
    orderBy: { name: "asc" },
  });
  return rules.map(toDto);
}

export async function getRule(tenant: TenantContext, id: string): Promise<AlertRuleDto> {
  const rule = await getPrisma().alertRule.findFirst({ where: { id, clientId: tenant.clientId } });
  if (!rule) throw notFound("Alert rule");
  return toDto(rule);
}

export async function createRule(tenant: TenantContext, input: AlertRuleInput): Promise<AlertRuleDto> {
  const data = alertRuleSchema.parse(input);
  await checkComposite(tenant, data);
  try {
    return await getPrisma().$transaction(async (tx) => {
      const rule = await tx.alertRule.create({ data: { ...data, clientId: tenant.clientId } });
      await recordAudit(tx, {
        clientId: tenant.clientId,
        actorId: actorUserId(tenant),
        action: "alert_rule.create",
        targetType: "alert_rule",
        targetId: rule.id,
        details: { name: data.name },
      });
      return toDto(rule);
    });
  } catch (err) {
    throw isUnique(err) ? duplicateName(data.name) : err;
  }
}

export async function updateRule(tenant: TenantContext, id: string, input: AlertRuleInput): Promise<AlertRuleDto> {
  const data = alertRuleSchema.parse(input);
  await checkComposite(tenant, data, id);
  try {
    return await getPrisma().$transaction(async (tx) => {
      const found = await tx.alertRule.updateMany({ where: { id, clientId: tenant.clientId }, data });
      if (found.count === 0) throw notFound("Alert rule");
      await recordAudit(tx, {
        clientId: tenant.clientId,
        actorId: actorUserId(tenant),
        action: "alert_rule.update",
        targetType: "alert_rule",
        targetId: id,
        details: { name: data.name },
      });
      return toDto((await tx.alertRule.findUnique({ where: { id } }))!);
    });
  } catch (err) {
    throw isUnique(err) ? duplicateName(data.name) : err;
  }
}

export async function deleteRule(tenant: TenantContext, id: string): Promise<void> {
  const users = await getPrisma().alertRule.findMany({
    where: { clientId: tenant.clientId, kind: "composite", params: { path: ["ruleIds"], array_contains: [id] } },
    select: { name: true },
  });
  if (users.length) throw conflict(`The composite rule "${users[0].name}" uses this rule; change or delete it first`);
  await getPrisma().$transaction(async (tx) => {
    const found = await tx.alertRule.deleteMany({ where: { id, clientId: tenant.clientId } });
    if (found.count === 0) throw notFound("Alert rule");
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "alert_rule.delete",
      targetType: "alert_rule",
      targetId: id,
    });
  });
}
