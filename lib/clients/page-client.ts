// What a client's server page needs first: access for a role (a message to show otherwise)
// and the client itself, for the heading.
import { pageTenant } from "@/lib/auth/page-access";
import type { Role } from "@/lib/auth/roles";
import type { TenantContext } from "@/lib/auth/tenant";
import type { ClientDto } from "@/lib/schemas/clients";
import { getClient } from "./clients";

export type PageClient =
  { tenant: TenantContext; client: ClientDto; denied?: never } | { tenant?: never; denied: string };

export async function pageClient(slug: string, role: Role): Promise<PageClient> {
  const access = await pageTenant(slug, role);
  if (!access.tenant) return { denied: access.denied };
  return { tenant: access.tenant, client: await getClient(access.tenant) };
}
