// A real Alertmanager (Debian's prometheus-alertmanager) for interoperability tests: a
// throwaway config (one receiver that sends nowhere) and storage, clustering off.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./prometheus";

export const ALERTMANAGER_BIN = "/usr/bin/prometheus-alertmanager";

export async function startAlertmanager(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "telltale-alertmanager-"));
  writeFileSync(path.join(dir, "alertmanager.yml"), 'route:\n  receiver: "null"\nreceivers:\n  - name: "null"\n');
  const child = spawn(
    ALERTMANAGER_BIN,
    [
      `--config.file=${path.join(dir, "alertmanager.yml")}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--cluster.listen-address=",
      "--log.level=warn",
    ],
    { stdio: "ignore" },
  );
  // Its files are removed once it has exited: it writes its state on the way out.
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`Alertmanager did not become ready on ${url}`);
}
