// Playwright's web server: a fresh database with known fixtures (written to
// e2e/.fixtures.json for the specs), then the production build on E2E_PORT.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { setEnv } from "../lib/env";
import { ensurePrismaClient } from "./lib/runtime";
import { ensureTestServer } from "./lib/test-server";

export const E2E_PORT = 3100;
export const E2E_PASSWORD = "e2e-password-123";

async function main() {
  ensurePrismaClient();
  const server = await ensureTestServer();
  const dbName = "telltale_e2e";
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${dbName}`;
  setEnv({ DATABASE_URL: url.toString() });

  const { prepareDatabase } = await import("../lib/bootstrap/prepare-database");
  const { createClient } = await import("../lib/clients/clients");
  const { createUser } = await import("../lib/users/create-user");
  const { addMember, listMembers } = await import("../lib/members/members");
  const { createApiKey } = await import("../lib/api-keys/api-keys");
  const { systemTenant } = await import("../lib/auth/tenant-access");
  const { closeDb } = await import("../lib/db/client");

  await prepareDatabase({ retentionDays: 30, admin: { email: "root@e2e.test", password: E2E_PASSWORD }, demo: true });
  const fixtures: Record<string, unknown> = {
    password: E2E_PASSWORD,
    superAdmin: "root@e2e.test",
    databaseUrl: url.toString(),
  };

  for (const slug of ["acme", "globex"]) {
    await createClient(null, { slug, name: `${slug[0].toUpperCase()}${slug.slice(1)} Inc`, timeZone: "UTC" });
    const tenant = await systemTenant(slug, "e2e");
    for (const role of ["admin", "manager", "viewer"] as const) {
      await createUser(null, { email: `${role}@${slug}.test`, name: `${slug} ${role}`, password: E2E_PASSWORD });
      await addMember(tenant, { email: `${role}@${slug}.test`, role });
    }
    const key = await createApiKey(tenant, { name: "all scopes", scopes: ["ingest", "read", "admin"] });
    const members = await listMembers(tenant);
    fixtures[slug] = { apiKey: key.key, apiKeyId: key.id, memberId: members.find((m) => m.role === "viewer")!.id };
  }
  await createUser(null, { email: "lockout@e2e.test", name: "Lockout", password: E2E_PASSWORD });
  await closeDb();
  writeFileSync(path.resolve("e2e/.fixtures.json"), JSON.stringify(fixtures, null, 2));

  const next = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(E2E_PORT), "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
      NEXTAUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
    },
  });
  const stop = () => next.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", async (code) => {
    await server.stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error("[e2e-server]", err);
  process.exit(1);
});
