// Client memberships. Every function takes the tenant first and only touches
// memberships of that client: a membership id from another client is "not found".
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import { badRequest, conflict, notFound } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import type { Membership, User } from "@/lib/db/generated/client";
import { addMemberSchema, changeRoleSchema, type AddMemberInput, type MemberDto } from "@/lib/schemas/members";

const toDto = (m: Membership & { user: User }): MemberDto => ({
  id: m.id,
  userId: m.userId,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  createdAt: m.createdAt.toISOString(),
});

export async function listMembers(tenant: TenantContext): Promise<MemberDto[]> {
  const rows = await getPrisma().membership.findMany({
    where: { clientId: tenant.clientId },
    include: { user: true },
    orderBy: { user: { email: "asc" } },
  });
  return rows.map(toDto);
}

export async function addMember(tenant: TenantContext, input: AddMemberInput): Promise<MemberDto> {
  const data = addMemberSchema.parse(input);
  return getPrisma().$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email: data.email } });
    if (!user) {
      if (!data.name || !data.password) {
        throw badRequest("No account has this email yet: give a name and a first password to create one", [
          { path: data.name ? "password" : "name", reason: "Needed to create a new account" },
        ]);
      }
      user = await tx.user.create({
        data: { email: data.email, name: data.name, passwordHash: await hashPassword(data.password) },
      });
    }
    const existing = await tx.membership.findUnique({
      where: { clientId_userId: { clientId: tenant.clientId, userId: user.id } },
    });
    if (existing) throw conflict(`${data.email} is already a member`);
    const m = await tx.membership.create({
      data: { clientId: tenant.clientId, userId: user.id, role: data.role },
      include: { user: true },
    });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "member.add",
      targetType: "membership",
      targetId: m.id,
      details: { email: data.email, role: data.role },
    });
    return toDto(m);
  });
}

async function findMember(tenant: TenantContext, id: string) {
  const m = await getPrisma().membership.findFirst({
    where: { id, clientId: tenant.clientId },
    include: { user: true },
  });
  if (!m) throw notFound("Member");
  return m;
}

export async function changeMemberRole(tenant: TenantContext, id: string, input: unknown): Promise<MemberDto> {
  const { role } = changeRoleSchema.parse(input);
  const before = await findMember(tenant, id);
  return getPrisma().$transaction(async (tx) => {
    const m = await tx.membership.update({ where: { id: before.id }, data: { role }, include: { user: true } });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "member.role",
      targetType: "membership",
      targetId: m.id,
      details: { email: m.user.email, from: before.role, to: role },
    });
    return toDto(m);
  });
}

export async function removeMember(tenant: TenantContext, id: string): Promise<void> {
  const m = await findMember(tenant, id);
  await getPrisma().$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: m.id } });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "member.remove",
      targetType: "membership",
      targetId: m.id,
      details: { email: m.user.email, role: m.role },
    });
  });
}
