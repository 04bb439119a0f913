// Debian packages the tests and benchmarks run for real: Chromium (Playwright) and
// Prometheus 2.42 (promtool, remote_write, the PromQL reference), Alertmanager (alert targets).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const SYSTEM_TOOLS = {
  "/usr/bin/chromium": "chromium",
  "/usr/bin/prometheus": "prometheus",
  "/usr/bin/prometheus-alertmanager": "prometheus-alertmanager",
};

/** Installs missing tools when we can (root with apt), else stops and says what to run. */
export function ensureSystemTools() {
  const missing = Object.entries(SYSTEM_TOOLS)
    .filter(([bin]) => !existsSync(bin))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log(`[telltale] installing Debian packages: ${missing.join(", ")}`);
    const res = spawnSync("bash", ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${install} -qq`], {
      stdio: "inherit",
    });
    if (res.status === 0 && Object.keys(SYSTEM_TOOLS).every((bin) => existsSync(bin))) return;
  }
  throw new Error(`Missing ${missing.join(", ")}. Install them (sudo ${install}) and run again.`);
}
