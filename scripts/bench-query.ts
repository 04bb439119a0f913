// `npm run bench:query`: PromQL latency on 10 million samples (1,000 series, 30 days), per
// query class: Telltale reading raw samples, Telltale with rollups (with and without its
// in-memory cache of packed days), and a real Prometheus 2.42 holding the same samples, all
// over HTTP in the same run. First run, then p50/p95 of the timed runs, per class.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { bundleScript } from "./lib/bundle";
import { scratchDatabase } from "./lib/scratch-db";
import { sendRemoteWrite, startPrometheus, type RemoteSeries } from "./lib/prometheus";
import { ensureSystemTools } from "./lib/system-tools";
import { compareResults, type PromResponse } from "./promql-compliance/compare";
import { pct } from "./lib/stats";

const SERIES = Number(process.env.BENCH_SERIES ?? 1000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 259_000); // 10,000 samples per series in 30 days
// 100 timed runs: the p95 of 20 would be their slowest, one stall of the machine.
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 5;
const HOUR = 3_600_000;

type Series = { labels: Record<string, string>; value: (i: number) => number; offset: number };

function benchSeries(): Series[] {
  return Array.from({ length: SERIES }, (_, n) => {
    const counter = n % 2 === 0;
    const labels = {
      __name__: counter ? "bench_requests_total" : "bench_memory_bytes",
      job: `job-${n % 10}`,
      instance: `i-${String(Math.floor(n / 2)).padStart(3, "0")}`,
    };
    // Counters restart every ~9 days; gauges wander.
    const value = counter
      ? (i: number) => (i % 3000) * (1 + (n % 7))
      : (i: number) => 1e9 + 2e8 * Math.sin(i / 50 + n) + ((i * 7919) % 1000);
    return { labels, value, offset: (n * 7_331) % INTERVAL_MS };
  });
}

async function copyIntoTelltale(url: string, series: Series[], ids: bigint[], from: number, to: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // In time order, every series' i-th sample together, as scrapes and remote_write deliver
  // them (so the table's pages hold time slices, as they do in real use).
  function* lines() {
    for (let i = 0; from + i * INTERVAL_MS < to; i++) {
      let chunk = "";
      for (let s = 0; s < series.length; s++) {
        const t = from + series[s].offset + i * INTERVAL_MS;
        if (t < to) chunk += `${ids[s]}\t${new Date(t).toISOString()}\t${series[s].value(i)}\n`;
      }
      yield chunk;
    }
  }
  await pipeline(
    Readable.from(lines()),
    client.query(copyFrom("COPY series.metric_samples (series_id, time, value) FROM STDIN")),
  );
  // What ingest does per batch: mark the minutes for the rollup job.
  await client.query(
    `INSERT INTO series.rollup_pending (minute) SELECT generate_series($1::timestamptz, $2::timestamptz, '1 minute')`,
    [new Date(Math.floor(from / 60_000) * 60_000), new Date(to)],
  );
  await client.end();
}

async function sendToPrometheus(url: string, series: Series[], from: number, to: number) {
  // In time order, an hour at a time: the receiver only accepts samples near its newest.
  for (let h = from; h < to; h += HOUR) {
    const slice: RemoteSeries[] = series.map((s) => {
      const samples: { timestamp: number; value: number }[] = [];
      const first = Math.ceil((h - from - s.offset) / INTERVAL_MS);
      for (let i = Math.max(0, first); from + s.offset + i * INTERVAL_MS < Math.min(h + HOUR, to); i++)
        samples.push({ timestamp: from + s.offset + i * INTERVAL_MS, value: s.value(i) });
      return { labels: s.labels, samples };
    });
    await sendRemoteWrite(
      `${url}/api/v1/write`,
      slice.filter((s) => s.samples.length > 0),
    );
  }
}

/** Waits until `busyTicks` (CPU time, in 1/100 s) grows by under `maxTicks` over 2 s (at most 3 minutes). */
async function untilBusyBelow(busyTicks: () => number, maxTicks: number) {
  for (let i = 0; i < 90; i++) {
    const before = busyTicks();
    await new Promise((r) => setTimeout(r, 2_000));
    if (busyTicks() - before < maxTicks) return;
  }
}

/** Waits until the process uses under 2 % of a core. */
const untilIdle = (pid: number) =>
  untilBusyBelow(() => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  }, 4);

/** Waits until the whole machine is under 10 % busy. */
const untilQuiet = () =>
  untilBusyBelow(
    () => {
      const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
      return fields[0] + fields[1] + fields[2] + fields[5] + fields[6]; // user, nice, system, irq, softirq
    },
    0.1 * 200 * cpus().length,
  );

type Target = { name: string; url: string; headers?: Record<string, string>; extra?: Record<string, string> };

async function timeQuery(t: Target, path: string, params: Record<string, string>) {
  const started = performance.now();
  const res = await fetch(`${t.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...t.headers },
    body: new URLSearchParams({ ...params, ...t.extra }),
  });
  const body = (await res.json()) as PromResponse & { data: { result: unknown[] } };
  const ms = performance.now() - started;
  if (body.status !== "success") throw new Error(`${t.name} ${params.query}: ${body.error}`);
  return { ms, body, resolution: res.headers.get("x-telltale-resolution") ?? "", series: body.data.result.length };
}

async function main() {
  ensureSystemTools();
  const { url, tenant, key, stop } = await scratchDatabase("telltale_bench_query", ["read"]);
  const { upsertSeries } = await import("../lib/series/write-series");
  const { appSeriesDb } = await import("../lib/series/series-db");
  const { refreshRollups } = await import("../lib/series/rollups");
  const { getPool } = await import("../lib/db/client");

  const to = Math.floor(Date.now() / HOUR) * HOUR;
  const from = to - DAYS * 24 * HOUR;
  const series = benchSeries();
  const samples = series.reduce((n, s) => n + Math.ceil((to - from - s.offset) / INTERVAL_MS), 0);
  console.log(`\nTelltale query benchmark: ${samples.toLocaleString("en")} samples, ${SERIES} series, ${DAYS} days\n`);

  let t0 = performance.now();
  const ids = await upsertSeries(
    tenant,
    await appSeriesDb(),
    series.map((s) => {
      const { __name__: name, ...labels } = s.labels;
      return { name, labels };
    }),
  );
  await copyIntoTelltale(url, series, ids, from, to);
  console.log(`loaded into PostgreSQL by COPY in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  const { minutes } = await refreshRollups(getPool());
  console.log(`rolled up ${minutes.toLocaleString("en")} minutes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await getPool().query(
    "VACUUM ANALYZE series.metric_samples, series.metric_rollups_1m, series.metric_rollups_1h, series.metric_rollup_days, series.rollup_pending",
  );
  // Flush what loading dirtied now, not in a checkpoint during the timed queries.
  await getPool().query("CHECKPOINT");

  const prometheus = await startPrometheus(["--storage.tsdb.retention.time=90d"]);
  t0 = performance.now();
  await sendToPrometheus(prometheus.url, series, from, to);
  console.log(`loaded into Prometheus by remote_write in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Prometheus compacts what it received into blocks in the background: both systems are
  // timed only once it is done, on a quiet machine.
  t0 = performance.now();
  await untilIdle(prometheus.pid);
  console.log(`Prometheus idle (compaction done) after ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  // Telltale's query routes in a process of their own, as Prometheus is (the bench's HTTP
  // client does not share their event loop), bundled as plain JavaScript as Next.js ships
  // them (see scripts/lib/bundle.ts). A second one keeps no packed days in memory
  // (QUERY_CACHE_MB=0): every run reads them from PostgreSQL. A third answers the raw 30-day
  // comparison (rollups=false), whose 5 million points in memory would otherwise leave the
  // others with a heap no real query gives them (the planner never reads them raw).
  const queryServer = await bundleScript("scripts/query-server.ts");
  const servers = ["256", "0", "0"].map((mb) =>
    spawn(process.execPath, [queryServer], {
      env: { ...process.env, DATABASE_URL: url, QUERY_TIMEOUT_SECONDS: "600", QUERY_CACHE_MB: mb },
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const [app, uncachedApp, rawApp] = await Promise.all(
    servers.map(async (server) => ({ url: String((await once(server.stdout!, "data"))[0]).trim() })),
  );
  const auth = { Authorization: `Bearer ${key}` };
  const raw: Target = { name: "Telltale raw", url: rawApp.url, headers: auth, extra: { rollups: "false" } };
  const rolled: Target = { name: "Telltale", url: app.url, headers: auth };
  const uncached: Target = { name: "Telltale, no day cache", url: uncachedApp.url, headers: auth };
  const prom: Target = { name: "Prometheus 2.42", url: prometheus.url };

  const s = (ms: number) => String(ms / 1000);
  const classes: { name: string; path: string; params: Record<string, string> }[] = [
    {
      name: "30 d range, 1,000→10 series: sum by (job) (rate(counter[1h])), step 1h",
      path: "/api/v1/query_range",
      params: {
        query: "sum by (job) (rate(bench_requests_total[1h]))",
        start: s(from + HOUR),
        end: s(to),
        step: "3600",
      },
    },
    {
      name: "30 d range: max by (job) (max_over_time(gauge[1h])), step 1h",
      path: "/api/v1/query_range",
      params: {
        query: "max by (job) (max_over_time(bench_memory_bytes[1h]))",
        start: s(from + HOUR),
        end: s(to),
        step: "3600",
      },
    },
    {
      name: "1 h range, raw: sum by (job) (rate(counter[5m])), step 15s",
      path: "/api/v1/query_range",
      params: {
        query: "sum by (job) (rate(bench_requests_total[5m]))",
        start: s(to - HOUR + 7_000),
        end: s(to - 3_000),
        step: "15",
      },
    },
    {
      name: "instant: sum by (job) (rate(counter[5m]))",
      path: "/api/v1/query",
      params: { query: "sum by (job) (rate(bench_requests_total[5m]))", time: s(to - 3_000) },
    },
    {
      name: 'instant: one series, gauge{instance="i-042"}',
      path: "/api/v1/query",
      params: { query: 'bench_memory_bytes{instance="i-042"}', time: s(to - 3_000) },
    },
  ];
  console.log(
    "class | target | resolution | series | first run ms | p50 ms | p95 ms | runs | same answer as Prometheus",
  );
  for (const c of classes) {
    const longRange = c.params.step === "3600";
    if (!longRange && !servers[1].killed) {
      // The raw and no-cache servers serve only the 30-day classes. Left running, their
      // collectors would still be cleaning up after 30-day reads (V8 collects idle heaps a
      // few seconds later) on the same two cores while the next classes are timed.
      for (const server of servers.slice(1)) server.kill("SIGTERM");
    }
    await untilQuiet(); // no server, nor PostgreSQL, still busy with the previous class
    const targets = longRange ? [raw, rolled, uncached, prom] : [rolled, prom];
    const reference = (await timeQuery(prom, c.path, c.params)).body;
    for (const t of targets) {
      const runs = t === raw ? Math.min(RUNS, 5) : RUNS;
      // The first run is timed on its own (cold: nothing cached, code not yet optimised by
      // V8's JIT) and its answer compared; four more warm up before the timed runs (a JIT runtime's steady state).
      const first = await timeQuery(t, c.path, c.params);
      const difference = t === prom ? undefined : compareResults(reference, first.body, false);
      for (let i = 0; i < WARMUP - 1; i++) await timeQuery(t, c.path, c.params);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await timeQuery(t, c.path, c.params)).ms);
      console.log(
        `${c.name} | ${t.name} | ${first.resolution || "-"} | ${first.series} | ${first.ms.toFixed(1)} | ` +
          `${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${runs} | ${t === prom ? "-" : (difference ?? "yes")}`,
      );
    }
  }
  console.log(
    "\nTargets: 30-day range p95 ≤ 100 ms; 1-hour raw p95 ≤ 20 ms; rollup ≥ 20× faster than raw for the same answer; instant within 3× of Prometheus.",
  );
  for (const server of servers) server.kill("SIGTERM");
  prometheus.stop();
  await stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
