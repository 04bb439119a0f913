// Every client-scoped data function, called with one client's context on another
// client's resources, must find nothing and change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/api-keys";
import { ApiError } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/auth/tenant";
import { getClient, updateClient } from "@/lib/clients/clients";
import { systemTenant } from "@/lib/auth/tenant-access";
import { getPrisma } from "@/lib/db/client";
import { changeMemberRole, listMembers, removeMember } from "@/lib/members/members";
import { getOverview } from "@/lib/overview/get-overview";
import { useTestDatabase } from "./db";
import { makeClient, makeMember } from "./fixtures";

const notFound = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).status).toBe(404);
};

describe("tenant isolation in the data functions", () => {
  useTestDatabase();
  let acme: TenantContext;
  let globex: TenantContext;
  let globexMemberId: string;
  let globexKeyId: string;

  beforeAll(async () => {
    acme = await makeClient("iso-acme");
    globex = await makeClient("iso-globex");
    await makeMember(acme, "a@acme.test", "admin");
    await makeMember(globex, "g@globex.test", "viewer");
    globexMemberId = (await listMembers(globex))[0].id;
    globexKeyId = (await createApiKey(globex, { name: "globex key", scopes: ["ingest"] })).id;
  });

  it("lists only the tenant's own members and keys", async () => {
    expect((await listMembers(acme)).map((m) => m.email)).toEqual(["a@acme.test"]);
    expect(await listApiKeys(acme)).toEqual([]);
    expect((await getClient(acme)).slug).toBe("iso-acme");
  });

  it("cannot touch another client's members or keys by id", async () => {
    await notFound(changeMemberRole(acme, globexMemberId, { role: "admin" }));
    await notFound(removeMember(acme, globexMemberId));
    await notFound(revokeApiKey(acme, globexKeyId));
    const member = await getPrisma().membership.findUniqueOrThrow({ where: { id: globexMemberId } });
    expect(member.role).toBe("viewer");
    const key = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: globexKeyId } });
    expect(key.revokedAt).toBeNull();
  });

  it("updates only its own client", async () => {
    await updateClient(acme, { name: "Acme renamed" });
    expect((await getClient(globex)).name).toBe("Client iso-globex");
  });

  it("audits every administrative change with its client and actor", async () => {
    const rows = await getPrisma().auditLog.findMany({
      where: { clientId: acme.clientId },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.action)).toEqual(["client.create", "member.add", "client.update"]);
  });

  it("reads series data of its own client only", async () => {
    const { seedDemo } = await import("@/lib/demo/seed-demo");
    const { appSeriesDb } = await import("@/lib/series/series-db");
    const { maintainStorage } = await import("@/lib/db/dialect");
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 3 });
    const seeded = await seedDemo(db, { days: 1 });
    expect(seeded.created).toBe(true);
    const demo = await getOverview(await systemTenant("demo", "test"));
    expect(demo.totals24h.events).toBeGreaterThan(0);
    const empty = await getOverview(acme);
    expect(empty.totals24h).toEqual({ series: 0, samples: 0, events: 0, spans: 0 });
    expect(empty.events).toEqual([]);
  });
});
