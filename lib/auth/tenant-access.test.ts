import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { ApiError } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "@/test/db";
import { makeClient, makeMember } from "@/test/fixtures";
import { authenticateApiKey, tenantForUser, tenantFromApiKey } from "./tenant-access";
import type { TenantContext } from "./tenant";

const bearer = (key?: string) =>
  new Request("http://t/api", { headers: key ? { authorization: `Bearer ${key}` } : {} });

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (err) {
    if (err instanceof ApiError) return err.status;
    throw err;
  }
}

describe("tenant access", () => {
  useTestDatabase();
  let acme: TenantContext;
  let globex: TenantContext;

  beforeAll(async () => {
    acme = await makeClient("acme");
    globex = await makeClient("globex");
  });

  it("gives members their role, hides other clients (404) and refuses weak roles (403)", async () => {
    const { user } = await makeMember(acme, "viewer@acme.test", "viewer");
    const t = await tenantForUser(user, "acme", "viewer");
    expect(t).toMatchObject({ clientId: acme.clientId, role: "viewer", actor: { kind: "user", userId: user.id } });
    expect(await statusOf(tenantForUser(user, "acme", "admin"))).toBe(403);
    expect(await statusOf(tenantForUser(user, "globex", "viewer"))).toBe(404);
    expect(await statusOf(tenantForUser(user, "no-such-client", "viewer"))).toBe(404);
  });

  it("lets super admins act as admin on every client", async () => {
    const root = await createUser(null, {
      email: "root@install.test",
      name: "Root",
      password: "correct-horse-battery",
      isSuperAdmin: true,
    });
    expect((await tenantForUser(root, "globex", "admin")).role).toBe("admin");
  });

  it("authenticates API keys: missing/invalid/revoked → 401, wrong scope → 403", async () => {
    const { key, id } = await createApiKey(acme, { name: "ingest only", scopes: ["ingest"] });
    const t = await tenantFromApiKey(bearer(key), "ingest");
    expect(t.clientId).toBe(acme.clientId);
    expect(t.clientId).not.toBe(globex.clientId);
    expect(await statusOf(tenantFromApiKey(bearer(key), "read"))).toBe(403);
    expect(await statusOf(tenantFromApiKey(bearer(), "ingest"))).toBe(401);
    expect(await statusOf(tenantFromApiKey(bearer("tt_aaaaaaaa_" + "b".repeat(43)), "ingest"))).toBe(401);
    expect(await statusOf(tenantFromApiKey(bearer("garbage"), "ingest"))).toBe(401);
    await revokeApiKey(acme, id);
    expect(await statusOf(authenticateApiKey(bearer(key)))).toBe(401);
  });

  it("records when a key was last used", async () => {
    const { key, id } = await createApiKey(acme, { name: "reader", scopes: ["read"] });
    expect((await getPrisma().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await authenticateApiKey(bearer(key));
    expect((await getPrisma().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
  });
});
