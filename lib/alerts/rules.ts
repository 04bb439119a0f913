// Alert rules of one client: list, read, create, update, delete (audited), always scoped
// to the tenant, so another client's rule id is simply not found.
import { notFound, conflict } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { AlertRule } from "@/lib/db/generated/client";
import { alertRuleSchema, type AlertRuleDto, type AlertRuleInput } from "@/lib/schemas/alert-rules";

const toDto = (r: AlertRule): AlertRuleDto => ({
  id: r.id,
  name: r.name,
  query: r.query,
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
