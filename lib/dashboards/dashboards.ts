// Dashboards of one client: list, read, create (also how import works), save, duplicate,
// delete, export; every function scoped to the tenant, every change audited.
import { conflict, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { Dashboard, Prisma } from "@/lib/db/generated/client";
import {
  dashboardExportSchema,
  dashboardSchema,
  definitionSchema,
  type DashboardDto,
  type DashboardExport,
  type DashboardInput,
  type DashboardSummaryDto,
  type Definition,
} from "@/lib/schemas/dashboards";

type Tx = Prisma.TransactionClient;

const toDto = (d: Dashboard): DashboardDto => ({
  id: d.id,
  title: d.title,
  description: d.description,
  // Stored documents were validated on the way in; parsing again fills defaults added since.
  definition: definitionSchema.parse(d.definition),
  createdBy: d.createdBy,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

const isUnique = (e: unknown) => (e as { code?: string })?.code === "P2002";
const taken = (title: string) => conflict(`A dashboard named "${title}" exists already`);

async function audit(tx: Tx, tenant: TenantContext, action: string, id: string, title: string) {
  await recordAudit(tx, {
    clientId: tenant.clientId,
    actorId: actorUserId(tenant),
    action: `dashboard.${action}`,
    targetType: "dashboard",
    targetId: id,
    details: { title },
  });
}

export async function listDashboards(tenant: TenantContext): Promise<DashboardSummaryDto[]> {
  const rows = await getPrisma().dashboard.findMany({
    where: { clientId: tenant.clientId },
    orderBy: { title: "asc" },
  });
  return rows.map((d) => ({
    id: d.id,
    title: d.title,
    description: d.description,
    panels: (d.definition as { panels?: unknown[] }).panels?.length ?? 0,
    updatedAt: d.updatedAt.toISOString(),
    createdBy: d.createdBy,
  }));
}

export async function getDashboard(tenant: TenantContext, id: string): Promise<DashboardDto> {
  const row = await getPrisma().dashboard.findFirst({ where: { id, clientId: tenant.clientId } });
  if (!row) throw notFound("Dashboard");
  return toDto(row);
}

export async function createDashboard(tenant: TenantContext, input: DashboardInput, actor: string) {
  const data = dashboardSchema.parse(input);
  try {
    return await getPrisma().$transaction(async (tx) => {
      const row = await tx.dashboard.create({
        data: {
          ...data,
          definition: data.definition as Prisma.InputJsonValue,
          clientId: tenant.clientId,
          createdBy: actor,
        },
      });
      await audit(tx, tenant, "create", row.id, row.title);
      return toDto(row);
    });
  } catch (err) {
    throw isUnique(err) ? taken(data.title) : err;
  }
}

export async function updateDashboard(tenant: TenantContext, id: string, input: DashboardInput) {
  const data = dashboardSchema.parse(input);
  try {
    return await getPrisma().$transaction(async (tx) => {
      const found = await tx.dashboard.updateMany({
        where: { id, clientId: tenant.clientId },
        data: { ...data, definition: data.definition as Prisma.InputJsonValue },
      });
      if (found.count === 0) throw notFound("Dashboard");
      await audit(tx, tenant, "update", id, data.title);
      return toDto((await tx.dashboard.findUnique({ where: { id } }))!);
    });
  } catch (err) {
    throw isUnique(err) ? taken(data.title) : err;
  }
}

/** `title` if free, else "<title> (<word>)", "(<word> 2)", … whichever is free first. */
async function freeTitle(tenant: TenantContext, title: string, word: string, always = false) {
  const titles = new Set((await listDashboards(tenant)).map((d) => d.title));
  if (!always && !titles.has(title)) return title;
  let candidate = `${title} (${word})`;
  for (let n = 2; titles.has(candidate); n++) candidate = `${title} (${word} ${n})`;
  return candidate;
}

/** A copy named "<title> (copy)", "(copy 2)", … whichever is free. */
export async function duplicateDashboard(tenant: TenantContext, id: string, actor: string) {
  const source = await getDashboard(tenant, id);
  return createDashboard(tenant, { ...source, title: await freeTitle(tenant, source.title, "copy", true) }, actor);
}

/** An exported document as a new dashboard; a taken title becomes "<title> (imported)". */
export async function importDashboard(tenant: TenantContext, doc: unknown, actor: string) {
  const data = dashboardExportSchema.parse(doc);
  return createDashboard(tenant, { ...data, title: await freeTitle(tenant, data.title, "imported") }, actor);
}

export async function deleteDashboard(tenant: TenantContext, id: string): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const row = await tx.dashboard.findFirst({ where: { id, clientId: tenant.clientId } });
    if (!row) throw notFound("Dashboard");
    await tx.dashboard.delete({ where: { id } });
    await audit(tx, tenant, "delete", id, row.title);
  });
}

/** The portable document: no ids, no owner; import is createDashboard on it. */
export async function exportDashboard(tenant: TenantContext, id: string): Promise<DashboardExport> {
  const d = await getDashboard(tenant, id);
  return { telltaleDashboard: 1, title: d.title, description: d.description, definition: d.definition as Definition };
}
