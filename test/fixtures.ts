// Small builders for integration tests, through the same domain functions the app uses.
import { createClient } from "@/lib/clients/clients";
import { addMember } from "@/lib/members/members";
import { systemTenant, tenantForUser, type SessionUser } from "@/lib/auth/tenant-access";
import type { Role } from "@/lib/auth/roles";
import type { TenantContext } from "@/lib/auth/tenant";
import { createUser } from "@/lib/users/create-user";

export async function makeClient(slug: string): Promise<TenantContext> {
  await createClient(null, { slug, name: `Client ${slug}`, timeZone: "UTC" });
  return systemTenant(slug, "test");
}

export async function makeMember(
  client: TenantContext,
  email: string,
  role: Role,
): Promise<{ user: SessionUser; tenant: TenantContext }> {
  const user = await createUser(null, { email, name: email.split("@")[0], password: "correct-horse-battery" });
  await addMember(client, { email, role });
  return { user, tenant: await tenantForUser(user, client.clientSlug, "viewer") };
}
