// `npm test`: the whole suite, in the order that fails fastest — type checks, unit and
// integration tests on a real PostgreSQL, then the production build in Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureNextBuild, ensurePrismaClient } from "./lib/runtime";
import { ensureTestServer } from "./lib/test-server";

const CHROMIUM = "/usr/bin/chromium";

function step(title: string, cmd: string, args: string[]) {
  console.log(`\n[test] ${title}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (res.status !== 0) throw new Error(`${title} failed`);
}

/** Debian's Chromium for Playwright; installed when we can (root with apt), else a clear stop. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    step("installing Debian's chromium for the browser tests", "bash", [
      "-c",
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
    ]);
    if (existsSync(CHROMIUM)) return;
  }
  throw new Error(
    `${CHROMIUM} is missing. Install Debian's chromium (sudo apt-get install -y chromium) and run npm test again.`,
  );
}

async function main() {
  ensureChromium();
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
