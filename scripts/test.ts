// `npm test`: the whole suite, in the order that fails fastest — type checks, unit and
// integration tests on a real PostgreSQL, then the production build in Chromium.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureNextBuild, ensurePrismaClient } from "./lib/runtime";
import { ensureSystemTools } from "./lib/system-tools";
import { ensureTestServer } from "./lib/test-server";

function step(title: string, cmd: string, args: string[]) {
  console.log(`\n[test] ${title}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (res.status !== 0) throw new Error(`${title} failed`);
}

async function main() {
  ensureSystemTools();
  ensurePrismaClient();
  step("type check", path.resolve("node_modules/.bin/tsc"), ["--noEmit", "-p", "."]);
  const server = await ensureTestServer();
  try {
    step("unit and integration tests (vitest)", path.resolve("node_modules/.bin/vitest"), ["run"]);
    ensureNextBuild();
    step("end-to-end tests (playwright, production build)", path.resolve("node_modules/.bin/playwright"), ["test"]);
  } finally {
    await server.stop();
  }
  console.log("\n[test] all green");
}

main().catch((err) => {
  console.error(`\n[test] ${err.message}`);
  process.exit(1);
});
