// `npm test`: the whole suite, in the order that fails fastest — type checks, unit and
// integration tests on a real PostgreSQL, then the production build in Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureNextBuild, ensurePrismaClient } from "./lib/runtime";
import { ensureTestServer } from "./lib/test-server";

// Debian packages the suite drives for real: the browser, and Prometheus as a remote_write sender.
const SYSTEM_TOOLS = { "/usr/bin/chromium": "chromium", "/usr/bin/prometheus": "prometheus" };

function step(title: string, cmd: string, args: string[]) {
  console.log(`\n[test] ${title}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (res.status !== 0) throw new Error(`${title} failed`);
}

/** Installs missing tools when we can (root with apt), else stops and says what to run. */
function ensureSystemTools() {
  const missing = Object.entries(SYSTEM_TOOLS)
    .filter(([bin]) => !existsSync(bin))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    step(`installing Debian packages: ${missing.join(", ")}`, "bash", [
      "-c",
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${install} -qq`,
    ]);
    if (Object.keys(SYSTEM_TOOLS).every((bin) => existsSync(bin))) return;
  }
  throw new Error(`Missing ${missing.join(", ")}. Install them (sudo ${install}) and run npm test again.`);
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
