// A real Prometheus (Debian's 2.42) scrapes itself and remote_writes to Telltale's
// /api/v1/write handler; what Telltale stores must match what Prometheus itself holds.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/write/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { TenantContext } from "@/lib/auth/tenant";
import { maintainStorage } from "@/lib/db/dialect";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";
import { storedSamples } from "./ingest-helpers";
import { serveRoutes } from "@/scripts/lib/serve-routes";

const PROMETHEUS = "/usr/bin/prometheus";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("Prometheus remote_write", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let app: Awaited<ReturnType<typeof serveRoutes>>;
  let prometheus: ChildProcess;
  let promUrl: string;
  let dir: string;
  let promLog = "";

  beforeAll(async () => {
    if (!existsSync(PROMETHEUS))
      throw new Error(`${PROMETHEUS} is missing: npm test installs Debian's prometheus package when run as root`);
    tenant = await makeClient("prom");
    const { key } = await createApiKey(tenant, { name: "prometheus", scopes: ["ingest"] });
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 7 });
    app = await serveRoutes({ "POST /api/v1/write": POST });
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    dir = mkdtempSync(path.join(os.tmpdir(), "telltale-prom-"));
    writeFileSync(
      path.join(dir, "prometheus.yml"),
      `global: { scrape_interval: 1s }
scrape_configs:
  - job_name: prometheus
    static_configs: [{ targets: ["127.0.0.1:${port}"] }]
remote_write:
  - url: ${app.url}/api/v1/write
    authorization: { credentials: ${key} }
    queue_config: { batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 1s }
    metadata_config: { send_interval: 1s }
`,
    );
    prometheus = spawn(PROMETHEUS, [
      `--config.file=${path.join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ]);
    prometheus.stderr!.on("data", (d) => (promLog += d));
  });

  afterAll(async () => {
    prometheus?.kill("SIGTERM");
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("delivers series that Telltale stores with Prometheus' own labels and values", async () => {
    const up = await until("up samples", async () => {
      const rows = await storedSamples(tenant.clientId, "up");
      return rows.length >= 3 ? rows : undefined;
    }).catch((err) => {
      throw new Error(`${err.message}\nprometheus log:\n${promLog.slice(-3000)}`);
    });
    expect(up[0].labels).toEqual({ __name__: "up", job: "prometheus", instance: new URL(promUrl).host });
    expect(up.every((r) => r.value === 1)).toBe(true);

    // A sample Telltale stored must equal what Prometheus answers for the same series and instant.
    const rows = await storedSamples(tenant.clientId, "prometheus_tsdb_head_series");
    expect(rows.length).toBeGreaterThan(0);
    const sample = rows[rows.length - 1];
    const res = await fetch(
      `${promUrl}/api/v1/query?query=prometheus_tsdb_head_series&time=${sample.t.getTime() / 1000}`,
    );
    const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
    expect(Number(body.data.result[0].value[1])).toBe(sample.value);
  });

  it("keeps the type and help sent as metadata", async () => {
    const typed = await until("metadata", async () => {
      const rows = await storedSamples(tenant.clientId, "prometheus_http_requests_total");
      return rows.find((r) => r.metric_type === "counter");
    });
    expect(typed.labels.handler).toBeTruthy();
  });
});
