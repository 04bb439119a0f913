// `npm start`: the whole app from one command. Without DATABASE_URL it starts an embedded
// PostgreSQL in DATA_DIR; then it migrates, creates the first admin, seeds the demo
// client when DEMO is on, builds if needed and serves with `next start`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, env, isDemoEnabled, setEnv } from "../lib/env";
import { ensureNextBuild, ensurePrismaClient } from "./lib/runtime";

const dev = process.argv.includes("--dev");

/** A secret kept in DATA_DIR, so sessions survive restarts without any configuration. */
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  const config = env();
  ensurePrismaClient();
  const { startEmbeddedPostgres } = await import("../lib/db/embedded");
  const { prepareDatabase } = await import("../lib/bootstrap/prepare-database");
  const { closeDb } = await import("../lib/db/client");

  let stopDb = async () => {};
  const embedded = !config.DATABASE_URL;
  if (embedded) {
    console.log(
      `[telltale] starting embedded PostgreSQL in ${config.DATA_DIR}/postgres (port ${config.EMBEDDED_PG_PORT})`,
    );
    const server = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
    stopDb = server.stop;
    setEnv({ DATABASE_URL: server.url });
  }
  setEnv({
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? persistedSecret(config.DATA_DIR),
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
  });

  const demo = isDemoEnabled(config, embedded);
  // The server reads DEMO to keep the demo client's data moving.
  setEnv({ DEMO: demo ? "1" : "0" });
  const result = await prepareDatabase({
    retentionDays: config.RETENTION_DAYS,
    admin: { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD },
    demo,
  });
  console.log(`[telltale] database ready (${result.dialect}); migrations applied now: ${result.applied.length}`);
  if (result.firstAdmin?.generated) {
    console.log("\n  First run: a super admin was created. This password is shown only once.");
    console.log(`    email:    ${result.firstAdmin.email}\n    password: ${result.firstAdmin.password}\n`);
  } else if (result.firstAdmin) {
    console.log(`[telltale] super admin ${result.firstAdmin.email} created from ADMIN_EMAIL/ADMIN_PASSWORD`);
  }
  if (result.demo?.created) {
    const d = result.demo;
    console.log(`[telltale] demo client seeded: ${d.samples} samples, ${d.events} events, ${d.spans} spans`);
  }

  await closeDb();
  if (!dev) ensureNextBuild();
  const next = spawn(path.resolve("node_modules/.bin/next"), [dev ? "dev" : "start", "-p", String(config.PORT)], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`[telltale] serving on ${env().NEXTAUTH_URL}`);
  const shutdown = (signal: NodeJS.Signals) => next.kill(signal);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await stopDb();
    process.exit(code ?? 0);
  });
}

main().catch(async (err) => {
  console.error(err instanceof EnvError ? err.message : `[telltale] failed to start: ${err?.stack ?? err}`);
  process.exit(1);
});
