// A fresh, migrated database with one client and an API key, for benchmarks and harnesses
// that run outside the test suite. It lives on the test server (TEST_DATABASE_URL or the
// embedded one) and is dropped and recreated on every run.
import pg from "pg";
import { setEnv } from "../../lib/env";
import type { TenantContext } from "../../lib/auth/tenant";
import type { ApiKeyScope } from "../../lib/auth/roles";
import { ensurePrismaClient } from "./runtime";
import { ensureTestServer } from "./test-server";

/** An empty database `name` on the test server, dropped first if it exists; DATABASE_URL points at it. */
export async function freshDatabase(
  name: string,
): Promise<{ url: URL; server: { url: string; stop: () => Promise<void> } }> {
  ensurePrismaClient();
  const server = await ensureTestServer();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  setEnv({ DATABASE_URL: url.toString() });
  return { url, server };
}

export async function scratchDatabase(
  name: string,
  scopes: ApiKeyScope[],
): Promise<{ url: string; tenant: TenantContext; key: string; stop: () => Promise<void> }> {
  const { url, server } = await freshDatabase(name);

  // Imported after DATABASE_URL is set: the database modules read it once.
  const { prepareDatabase } = await import("../../lib/bootstrap/prepare-database");
  const { createClient } = await import("../../lib/clients/clients");
  const { createApiKey } = await import("../../lib/api-keys/api-keys");
  const { systemTenant } = await import("../../lib/auth/tenant-access");
  await prepareDatabase({ retentionDays: 40 });
  await createClient(null, { slug: "bench", name: "Bench" });
  const tenant = await systemTenant("bench", "bench");
  const { key } = await createApiKey(tenant, { name: "bench", scopes });
  const { closeDb } = await import("../../lib/db/client");
  const stop = async () => {
    await closeDb();
    await server.stop();
  };
  return { url: url.toString(), tenant, key, stop };
}
