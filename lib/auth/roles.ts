// Per-client roles, weakest first. A role can do everything the roles before it can.
// viewer: reads. manager: + reports and acknowledging alerts. admin: + configuration,
// members and API keys. Super admins act as admin on every client and manage clients.
export const ROLES = ["viewer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const roleAtLeast = (actual: Role, needed: Role) => ROLES.indexOf(actual) >= ROLES.indexOf(needed);

export const API_KEY_SCOPES = ["ingest", "read", "admin"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
