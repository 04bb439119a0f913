// The tenant context every data function takes first. It is only ever built by
// lib/auth/tenant-access.ts, after authentication and the membership or key check.
import type { ApiKeyScope, Role } from "./roles";

export type Actor =
  | { kind: "user"; userId: string; isSuperAdmin: boolean }
  | { kind: "apiKey"; keyId: string; scopes: ApiKeyScope[] }
  // Operators' CLI and the start-up seeder: trusted, acting on behalf of no user.
  | { kind: "system"; via: string };

export type TenantContext = {
  clientId: string;
  clientSlug: string;
  role: Role;
  actor: Actor;
};

/** The user id to record in the audit log (null for API keys). */
export const actorUserId = (t: TenantContext) => (t.actor.kind === "user" ? t.actor.userId : null);
