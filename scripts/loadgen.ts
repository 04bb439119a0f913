// `npm run loadgen -- --rate <samples/s> --clients <n> --duration <s> [--url http://localhost:3000]`
// Realistic traffic through the real endpoints: metrics by remote_write, funnel events as
// JSON, traces as OTLP/JSON. Creates (or reuses) clients load-1..n with fresh ingest keys
// in the database the app uses (DATABASE_URL, or the embedded one).
import { parseArgs } from "node:util";
import SnappyJS from "snappyjs";
import { env, setEnv } from "../lib/env";
import { ensurePrismaClient } from "./lib/runtime";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "1000" },
    clients: { type: "string", default: "1" },
    duration: { type: "string", default: "60" },
    url: { type: "string" },
  },
});
const rate = Number(values.rate);
const clients = Number(values.clients);
const duration = Number(values.duration);
const baseUrl = values.url ?? env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;

async function keys(): Promise<string[]> {
  ensurePrismaClient();
  if (!env().DATABASE_URL) {
    const { attachEmbeddedPostgres } = await import("../lib/db/embedded");
    setEnv({
      DATABASE_URL: (await attachEmbeddedPostgres({ dataDir: env().DATA_DIR, port: env().EMBEDDED_PG_PORT })).url,
    });
  }
  const { getPrisma, closeDb } = await import("../lib/db/client");
  const { createClient } = await import("../lib/clients/clients");
  const { createApiKey } = await import("../lib/api-keys/api-keys");
  const { systemTenant } = await import("../lib/auth/tenant-access");
  const out: string[] = [];
  for (let i = 1; i <= clients; i++) {
    const slug = `load-${i}`;
    if (!(await getPrisma().client.findUnique({ where: { slug } })))
      await createClient(null, { slug, name: `Load test ${i}` });
    out.push((await createApiKey(await systemTenant(slug, "loadgen"), { name: "loadgen", scopes: ["ingest"] })).key);
  }
  await closeDb();
  return out;
}

async function main() {
  if (![rate, clients, duration].every((n) => Number.isFinite(n) && n > 0))
    throw new Error("--rate, --clients and --duration must be positive numbers");
  const { TrafficGenerator } = await import("../lib/demo/traffic");
  const { WriteRequest } = await import("../lib/ingest/proto/remote-write");
  const apiKeys = await keys();
  const perClient = rate / clients;
  // About 50 series per instance, one sample per series per second.
  const instances = Math.max(1, Math.round(perClient / 50));
  const generators = apiKeys.map((_, i) => new TrafficGenerator(i + 1, instances));
  const stats = { samples: 0, events: 0, spans: 0, failed: 0, latencies: [] as number[] };

  const post = async (
    key: string,
    path: string,
    type: string,
    body: Uint8Array | string,
    items: number,
    kind: "samples" | "events" | "spans",
  ) => {
    const t0 = performance.now();
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": type },
        body: body as BodyInit,
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(String(res.status));
      stats[kind] += items;
      stats.latencies.push(performance.now() - t0);
    } catch {
      stats.failed++;
    }
  };

  console.log(
    `loadgen → ${baseUrl}: ${rate} samples/s over ${clients} client(s) for ${duration}s (${instances} instance(s) per client)`,
  );
  const end = Date.now() + duration * 1000;
  while (Date.now() < end) {
    const tick = Date.now();
    await Promise.all(
      generators.map((g, i) => {
        const metrics = g.metrics(tick);
        const rw = WriteRequest.encode(
          WriteRequest.fromObject({
            timeseries: metrics.map((m) => ({
              labels: [
                { name: "__name__", value: m.key.name },
                ...Object.entries(m.key.labels).map(([name, value]) => ({ name, value })),
              ],
              samples: m.points.map(([timestamp, value]) => ({ timestamp, value })),
            })),
          }),
        ).finish();
        const events = g.events(tick, Math.max(1, Math.round(perClient / 20)));
        const spans = g.spans(tick, Math.max(2, Math.round(perClient / 20)));
        const otlp = {
          resourceSpans: [
            {
              resource: { attributes: [{ key: "service.name", value: { stringValue: "shop-api" } }] },
              scopeSpans: [
                {
                  spans: spans.map((s) => ({
                    traceId: s.traceId,
                    spanId: s.spanId,
                    parentSpanId: s.parentSpanId,
                    name: s.name,
                    kind: s.kind === "server" ? 2 : 3,
                    startTimeUnixNano: `${s.time.getTime()}000000`,
                    endTimeUnixNano: `${s.time.getTime() + Math.round(s.durationMs)}000000`,
                    attributes: s.route ? [{ key: "http.route", value: { stringValue: s.route } }] : [],
                    status: { code: s.status === "error" ? 2 : 1 },
                  })),
                },
              ],
            },
          ],
        };
        return Promise.all([
          post(apiKeys[i], "/api/v1/write", "application/x-protobuf", SnappyJS.compress(rw), metrics.length, "samples"),
          post(apiKeys[i], "/api/v1/events", "application/json", JSON.stringify({ events }), events.length, "events"),
          post(apiKeys[i], "/api/otlp/v1/traces", "application/json", JSON.stringify(otlp), spans.length, "spans"),
        ]);
      }),
    );
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
  }
  const sorted = stats.latencies.sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(1);
  console.log(
    `sent ${stats.samples} samples (${Math.round(stats.samples / duration)}/s), ${stats.events} events, ${stats.spans} spans; ` +
      `${stats.failed} failed requests; ack p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`,
  );
}

main().catch((err) => {
  console.error(`loadgen: ${err.message}`);
  process.exit(1);
});
