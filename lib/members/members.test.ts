import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/auth/tenant";
import { checkCredentials } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "@/test/db";
import { makeClient } from "@/test/fixtures";
import { addMember, changeMemberRole, listMembers, removeMember } from "./members";

describe("members", () => {
  useTestDatabase();
  let client: TenantContext;
  beforeAll(async () => {
    client = await makeClient("members");
  });

  it("adds an existing account with a role", async () => {
    await createUser(null, { email: "kim@x.test", name: "Kim", password: "correct-horse-battery" });
    const m = await addMember(client, { email: "KIM@x.test", role: "manager" });
    expect(m).toMatchObject({ email: "kim@x.test", name: "Kim", role: "manager" });
  });

  it("creates the account when a name and first password are given, and it can sign in", async () => {
    await addMember(client, { email: "new@x.test", role: "viewer", name: "New Person", password: "first-password-1" });
    expect(await checkCredentials("new@x.test", "first-password-1", "10.0.0.1")).toMatchObject({ email: "new@x.test" });
  });

  it("says what is missing for an unknown email, and refuses duplicates", async () => {
    const missing = await addMember(client, { email: "ghost@x.test", role: "viewer" }).catch((e) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing.status).toBe(400);
    expect(missing.details).toEqual([{ path: "name", reason: "Needed to create a new account" }]);
    const dup = await addMember(client, { email: "kim@x.test", role: "viewer" }).catch((e) => e);
    expect(dup.status).toBe(409);
  });

  it("changes roles and removes members", async () => {
    const kim = (await listMembers(client)).find((m) => m.email === "kim@x.test")!;
    expect((await changeMemberRole(client, kim.id, { role: "admin" })).role).toBe("admin");
    await removeMember(client, kim.id);
    expect((await listMembers(client)).map((m) => m.email)).toEqual(["new@x.test"]);
  });
});

describe("sign-in checks", () => {
  useTestDatabase();

  it("answers a wrong password and an unknown email alike, and locks an account after 5 failures", async () => {
    await createUser(null, { email: "lock@x.test", name: "L", password: "correct-horse-battery" });
    expect(await checkCredentials("nobody@x.test", "whatever", "10.0.0.2")).toBeNull();
    for (let i = 0; i < 5; i++) expect(await checkCredentials("lock@x.test", "wrong", `10.0.1.${i}`)).toBeNull();
    // Even the right password is refused while the account is locked.
    await expect(checkCredentials("lock@x.test", "correct-horse-battery", "10.0.2.1")).rejects.toThrow(
      /Too many sign-in attempts/,
    );
  });

  it("limits failures per address across accounts", async () => {
    for (let i = 0; i < 20; i++) await checkCredentials(`spray${i}@x.test`, "wrong", "10.9.9.9");
    await expect(checkCredentials("other@x.test", "x", "10.9.9.9")).rejects.toThrow(/Too many/);
  });
});
