// Clients (tenants). Listing is per user; creating is for super admins; editing is for
// the client's admins, through a TenantContext like every other client-scoped change.
import { recordAudit } from "@/lib/audit/record-audit";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import type { SessionUser } from "@/lib/auth/tenant-access";
import { conflict } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import type { Client } from "@/lib/db/generated/client";
import {
  createClientSchema,
  updateClientSchema,
  type ClientDto,
  type CreateClientInput,
  type UpdateClientInput,
} from "@/lib/schemas/clients";

const toDto = (c: Client, role: string): ClientDto => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  timeZone: c.timeZone,
  createdAt: c.createdAt.toISOString(),
  role,
});

/** The clients a user can open: all of them for super admins, their memberships otherwise. */
export async function listClientsForUser(user: SessionUser): Promise<ClientDto[]> {
  const prisma = getPrisma();
  if (user.isSuperAdmin) {
    const all = await prisma.client.findMany({ orderBy: { name: "asc" } });
    return all.map((c) => toDto(c, "admin"));
  }
  const memberships = await prisma.membership.findMany({
    where: { userId: user.id },
    include: { client: true },
    orderBy: { client: { name: "asc" } },
  });
  return memberships.map((m) => toDto(m.client, m.role));
}

export async function getClient(tenant: TenantContext): Promise<ClientDto> {
  const c = await getPrisma().client.findUniqueOrThrow({ where: { id: tenant.clientId } });
  return toDto(c, tenant.role);
}

/** Super admins or the CLI (the caller checks); install-wide, so it takes the acting user id. */
export async function createClient(actorId: string | null, input: CreateClientInput): Promise<ClientDto> {
  const data = createClientSchema.parse(input);
  const prisma = getPrisma();
  if (await prisma.client.findUnique({ where: { slug: data.slug } })) {
    throw conflict(`A client with the slug '${data.slug}' already exists`);
  }
  return prisma.$transaction(async (tx) => {
    const c = await tx.client.create({ data });
    await recordAudit(tx, {
      clientId: c.id,
      actorId,
      action: "client.create",
      targetType: "client",
      targetId: c.id,
      details: data,
    });
    return toDto(c, "admin");
  });
}

export async function updateClient(tenant: TenantContext, input: UpdateClientInput): Promise<ClientDto> {
  const data = updateClientSchema.parse(input);
  return getPrisma().$transaction(async (tx) => {
    const c = await tx.client.update({ where: { id: tenant.clientId }, data });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "client.update",
      targetType: "client",
      targetId: c.id,
      details: data,
    });
    return toDto(c, tenant.role);
  });
}
