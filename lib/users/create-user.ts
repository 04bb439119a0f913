// Accounts are install-wide (one person may belong to several clients).
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { conflict } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/users";

export type UserDto = { id: string; email: string; name: string; isSuperAdmin: boolean };

export async function createUser(actorId: string | null, input: CreateUserInput): Promise<UserDto> {
  const data = createUserSchema.parse(input);
  const prisma = getPrisma();
  if (await prisma.user.findUnique({ where: { email: data.email } }))
    throw conflict(`${data.email} already has an account`);
  return prisma.$transaction(async (tx) => {
    const u = await tx.user.create({
      data: {
        email: data.email,
        name: data.name,
        isSuperAdmin: data.isSuperAdmin,
        passwordHash: await hashPassword(data.password),
      },
    });
    await recordAudit(tx, {
      clientId: null,
      actorId,
      action: "user.create",
      targetType: "user",
      targetId: u.id,
      details: { email: u.email, isSuperAdmin: u.isSuperAdmin },
    });
    return { id: u.id, email: u.email, name: u.name, isSuperAdmin: u.isSuperAdmin };
  });
}
