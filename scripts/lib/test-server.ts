// The PostgreSQL server the test suites use: TEST_DATABASE_URL when set (CI points it at
// the machine's server), otherwise an embedded one in DATA_DIR/test.
import path from "node:path";
import { env, setEnv } from "../../lib/env";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

const EMBEDDED_TEST_PORT = 54330;

export async function ensureTestServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const configured = env().TEST_DATABASE_URL;
  if (configured) return { url: configured, stop: async () => {} };
  console.log("[test] TEST_DATABASE_URL is unset: starting an embedded PostgreSQL for the tests");
  const server = await startEmbeddedPostgres({
    dataDir: path.join(env().DATA_DIR, "test"),
    port: EMBEDDED_TEST_PORT,
    database: "postgres",
  });
  setEnv({ TEST_DATABASE_URL: server.url });
  return server;
}
