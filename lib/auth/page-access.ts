// Access checks for server pages: signed out → login; another client → 404 page;
// too weak a role → a "no access" message the page renders.
import { notFound, redirect } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { getSessionUser } from "./session";
import { tenantForUser, type SessionUser } from "./tenant-access";
import type { Role } from "./roles";
import type { TenantContext } from "./tenant";

export async function pageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

export type PageAccess = { user: SessionUser } & (
  { tenant: TenantContext; denied?: never } | { tenant?: never; denied: string }
);

export async function pageTenant(slug: string, needed: Role): Promise<PageAccess> {
  const user = await pageUser();
  try {
    return { user, tenant: await tenantForUser(user, slug, needed) };
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return { user, denied: err.message };
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}
