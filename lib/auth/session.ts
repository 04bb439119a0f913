// The signed-in user from the next-auth session, and client access for that user.
import { getServerSession } from "next-auth";
import { getPrisma } from "@/lib/db/client";
import { forbidden, unauthorized } from "@/lib/api/errors";
import { authOptions } from "./options";
import type { Role } from "./roles";
import type { TenantContext } from "./tenant";
import { tenantForUser, type SessionUser } from "./tenant-access";

export type { SessionUser };

/** The signed-in user, or null. Reads the user row so deleted users lose access at once. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getPrisma().user.findUnique({ where: { id } });
  return user && { id: user.id, email: user.email, name: user.name, isSuperAdmin: user.isSuperAdmin };
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw unauthorized("Sign in first");
  return user;
}

export async function requireSuperAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isSuperAdmin) throw forbidden("Only super admins can do this");
  return user;
}

export async function tenantFromSession(slug: string, needed: Role): Promise<TenantContext> {
  return tenantForUser(await requireUser(), slug, needed);
}
