// A real Prometheus (Debian's 2.42) for interoperability tests and benchmarks: an empty
// TSDB in a temporary folder, the remote-write receiver on, data pushed over remote_write.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import SnappyJS from "snappyjs";
import { WriteRequest } from "../../lib/ingest/proto/remote-write";

export const PROMETHEUS_BIN = "/usr/bin/prometheus";

export type RemoteSeries = { labels: Record<string, string>; samples: { timestamp: number; value: number }[] };

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** A snappy-compressed remote_write 1.0 body. */
export function remoteWriteBody(series: RemoteSeries[]): Uint8Array {
  const timeseries = series.map((s) => ({
    labels: Object.entries(s.labels)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => ({ name, value })),
    samples: s.samples,
  }));
  return SnappyJS.compress(WriteRequest.encode(WriteRequest.fromObject({ timeseries })).finish());
}

/** POSTs one remote_write request; throws unless the receiver answers 2xx. */
export async function sendRemoteWrite(url: string, series: RemoteSeries[], headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Encoding": "snappy",
      "Content-Type": "application/x-protobuf",
      "X-Prometheus-Remote-Write-Version": "0.1.0",
      ...headers,
    },
    body: Buffer.from(remoteWriteBody(series)),
  });
  if (!res.ok) throw new Error(`remote_write to ${url}: ${res.status} ${await res.text()}`);
}

export async function startPrometheus(
  extraArgs: string[] = [],
): Promise<{ url: string; pid: number; stop: () => void }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "telltale-prometheus-"));
  const child = spawn(
    PROMETHEUS_BIN,
    [
      "--config.file=/dev/null",
      `--storage.tsdb.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--web.enable-remote-write-receiver",
      "--log.level=warn",
      ...extraArgs,
    ],
    { stdio: "ignore" },
  );
  const stop = () => {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, pid: child.pid!, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`Prometheus did not become ready on ${url}`);
}
