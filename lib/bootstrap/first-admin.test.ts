import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/sign-in";
import { getPrisma } from "@/lib/db/client";
import { useTestDatabase } from "@/test/db";
import { ensureFirstAdmin } from "./first-admin";

describe("first admin", () => {
  useTestDatabase();

  it("creates a super admin with a generated password once, and never again", async () => {
    const first = await ensureFirstAdmin({});
    expect(first).toMatchObject({ email: "admin@telltale.local", generated: true });
    expect(first!.password!.length).toBeGreaterThanOrEqual(16);
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: "admin@telltale.local" } });
    expect(user.isSuperAdmin).toBe(true);
    expect(await checkCredentials("admin@telltale.local", first!.password!, "127.0.0.1")).toMatchObject({
      isSuperAdmin: true,
    });
    expect(await ensureFirstAdmin({ email: "other@x.test", password: "another-password" })).toBeNull();
    expect(await getPrisma().user.count()).toBe(1);
  });
});

describe("first admin from the environment", () => {
  useTestDatabase();

  it("uses ADMIN_EMAIL/ADMIN_PASSWORD and prints no password", async () => {
    const first = await ensureFirstAdmin({ email: "Ops@Agency.test", password: "from-the-env-1" });
    expect(first).toEqual({ email: "ops@agency.test", password: null, generated: false });
    expect(await checkCredentials("ops@agency.test", "from-the-env-1", "127.0.0.1")).not.toBeNull();
  });
});
