// `npm run bench:ingest`: ingest throughput and acknowledgement latency per protocol, side
// by side with raw COPY into the same table (the ceiling), on a fresh database.
// Loads the ingest handlers in their own process (scripts/ingest-server.ts) over HTTP.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { eventsBody, jsonMetricsBody, otlpMetricsBody, remoteWriteBody, SERIES, spansBody } from "./lib/bench-bodies";
import { scratchDatabase } from "./lib/scratch-db";
import { pct } from "./lib/stats";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PREBUILT = Number(process.env.BENCH_PREBUILT ?? 400);

type Result = { name: string; items: number; seconds: number; latencies: number[]; failures?: number };

/** The server process' resident memory now and at its peak, in MiB (Linux /proc). */
const memoryMiB = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? NaN);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
};

/**
 * The ceiling: rows COPYed straight into the samples table by one connection. Laid out as
 * remote_write delivers them (each round, 20 consecutive samples for every series), so
 * with one series it is the easiest case and with 500 the same index work ingest faces.
 */
async function rawCopy(url: string, seriesIds: string[], name: string, startMs: number): Promise<Result> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = 1_000_000;
  const perRound = seriesIds.length * 20;
  const lines = function* () {
    for (let round = 0; round * perRound < rows; round++) {
      let chunk = "";
      for (const id of seriesIds) {
        for (let k = 0; k < 20; k++) chunk += `${id}\t${new Date(startMs + round * 20 + k).toISOString()}\t${k}\n`;
      }
      yield chunk;
    }
  };
  const t0 = performance.now();
  await pipeline(
    Readable.from(lines()),
    client.query(copyFrom("COPY series.metric_samples (series_id, time, value) FROM STDIN")),
  );
  const seconds = (performance.now() - t0) / 1000;
  await client.end();
  return { name, items: rows, seconds, latencies: [] };
}

type Make = (i: number) => Uint8Array | string;

/**
 * Saturates the endpoint (CONCURRENCY closed-loop senders for SECONDS), then sends at half
 * that rate to measure acknowledgement latency below saturation. Each body carries `per` items.
 */
async function load(
  name: string,
  url: string,
  key: string,
  contentType: string,
  per: number,
  generate: Make,
): Promise<Result> {
  // Bodies are built before the clock starts: the sender shares these two cores with the
  // server and PostgreSQL, and its encoding work is not the server's throughput.
  const ready = Array.from({ length: PREBUILT }, (_, i) => generate(i));
  const make: Make = (i) => ready[i] ?? generate(i);
  const saturated = await saturate(name, url, key, contentType, per, make);

  const below = await paced(url, key, contentType, per, saturated.items / saturated.seconds / 2, make, 1_000_000);
  return { ...saturated, latencies: below };
}

async function saturate(
  name: string,
  url: string,
  key: string,
  contentType: string,
  per: number,
  make: Make,
  concurrency = CONCURRENCY,
): Promise<Result> {
  const latencies: number[] = [];
  let items = 0;
  let i = 0;
  let failures = 0;
  const end = Date.now() + SECONDS * 1000;
  const t0 = performance.now();
  const worker = async () => {
    while (Date.now() < end) {
      const body = make(i++);
      const s = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": contentType },
        body: body as BodyInit,
      });
      await res.arrayBuffer();
      if (res.ok) {
        latencies.push(performance.now() - s);
        items += per;
      } else failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failures) console.warn(`  ${name}: ${failures} requests answered 503/429 (expected under overload)`);
  return { name, items, seconds: (performance.now() - t0) / 1000, latencies, failures };
}

/** Open-loop: one request every per/rate seconds regardless of answers, for latency below saturation. */
async function paced(
  url: string,
  key: string,
  contentType: string,
  per: number,
  rate: number,
  make: (i: number) => Uint8Array | string,
  offset: number,
) {
  const latencies: number[] = [];
  const intervalMs = (per / rate) * 1000;
  const count = Math.max(10, Math.floor((SECONDS * 1000) / intervalMs));
  const inflight: Promise<void>[] = [];
  for (let n = 0; n < count; n++) {
    const body = make(offset + n);
    const s = performance.now();
    inflight.push(
      fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": contentType },
        body: body as BodyInit,
      })
        .then((r) => r.arrayBuffer())
        .then(() => void latencies.push(performance.now() - s)),
    );
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  await Promise.all(inflight);
  return latencies;
}

async function main() {
  const { url, tenant, key, stop } = await scratchDatabase("telltale_bench", ["ingest"]);
  const { appSeriesDb } = await import("../lib/series/series-db");
  const { upsertSeries } = await import("../lib/series/write-series");
  const { closeDb } = await import("../lib/db/client");
  const copySeries = await upsertSeries(
    tenant,
    await appSeriesDb(),
    Array.from({ length: 501 }, (_, s) => ({ name: "copy_target", labels: { instance: `host-${s}` } })),
  );
  await closeDb();

  console.log(`\nTelltale ingest benchmark: ${SECONDS}s per protocol, ${CONCURRENCY} concurrent senders\n`);
  const copyStart = Date.now() - 3_500_000;
  const oneSeries = await rawCopy(url.toString(), [copySeries[500].toString()], "raw COPY, 1 series", copyStart);
  const sameShape = await rawCopy(
    url.toString(),
    copySeries.slice(0, 500).map(String),
    "raw COPY, 500 series (limit)",
    copyStart,
  );
  const results: Result[] = [oneSeries, sameShape];

  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest-server.ts"], {
    env: { ...process.env, DATABASE_URL: url.toString(), INGEST_RATE_LIMIT: "100000000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [first] = await once(child.stdout!, "data");
  const base = String(first).trim();
  const t0 = Date.now() - 3_000_000;

  results.push(
    await load("remote_write", `${base}/api/v1/write`, key, "application/x-protobuf", SERIES * 20, (i) =>
      remoteWriteBody(i, t0),
    ),
  );
  const atSaturation = memoryMiB(child.pid!);
  // Eight times the senders: the server must refuse the excess (503) and keep its memory bounded.
  const overload = await saturate(
    "remote_write ×8 senders",
    `${base}/api/v1/write`,
    key,
    "application/x-protobuf",
    SERIES * 20,
    (i) => remoteWriteBody(i, t0 - 1_000_000), // its own time range: no duplicates of the runs above
    CONCURRENCY * 8,
  );
  const underOverload = memoryMiB(child.pid!);
  results.push(
    await load("JSON metrics", `${base}/api/v1/metrics`, key, "application/json", SERIES * 10, (i) =>
      jsonMetricsBody(i, t0),
    ),
  );
  results.push(
    await load("OTLP metrics", `${base}/api/otlp/v1/metrics`, key, "application/x-protobuf", SERIES * 4, (i) =>
      otlpMetricsBody(i, t0),
    ),
  );
  results.push(await load("events", `${base}/api/v1/events`, key, "application/json", 500, (i) => eventsBody(i, t0)));
  results.push(
    await load("spans (OTLP JSON)", `${base}/api/otlp/v1/traces`, key, "application/json", 500, (i) =>
      spansBody(i, t0),
    ),
  );
  child.kill("SIGTERM");

  const rate = (r: Result) => r.items / r.seconds;
  const rows = results.map((r) => ({
    protocol: r.name,
    "items/s": Math.round(rate(r)),
    "× COPY": (rate(r) / rate(sameShape)).toFixed(2),
    "× COPY 1 series": (rate(r) / rate(oneSeries)).toFixed(2),

    "ack p50 ms @½ rate": r.latencies.length ? pct(r.latencies, 50).toFixed(1) : "",
    "ack p99 ms @½ rate": r.latencies.length ? pct(r.latencies, 99).toFixed(1) : "",
  }));
  console.table(rows);
  console.log(
    `Overload (${CONCURRENCY * 8} senders on remote_write): ${Math.round(overload.items / overload.seconds)} samples/s accepted, ` +
      `${overload.failures ?? 0} requests answered 503; server peak RSS ${atSaturation.peak} MiB at saturation, ` +
      `${underOverload.peak} MiB under overload (${(underOverload.peak / atSaturation.peak).toFixed(2)}×).`,
  );

  console.log(
    "× COPY compares with raw COPY of the same shape (500 series); the 1-series column is the easiest case.\nTargets: remote_write ≥ 100,000 samples/s (≥ 0.6× COPY), JSON ≥ 60,000/s, events ≥ 15,000/s, p99 ≤ 250 ms below saturation.",
  );
  await stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
