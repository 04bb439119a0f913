// Data shaped like the PromLabs demo service the compliance queries expect (three instances
// scraped every 5 s): gauges, counters with a restart, a histogram, a batch job timestamp,
// and an intermittent metric. Staleness markers are written where a real Prometheus would
// write them: when a series leaves a scrape and while a target is down. Deterministic.
import type { RemoteSeries } from "../lib/prometheus";
import { staleNaN } from "../../lib/series/stale";

const INSTANCES = ["demo.promlabs.com:10000", "demo.promlabs.com:10001", "demo.promlabs.com:10002"];
const SCRAPE_MS = 5_000;
const BUCKETS = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"];
const ROUTES = [
  { method: "GET", path: "/api/foo", rate: 20, latency: 0.03 },
  { method: "POST", path: "/api/foo", rate: 4, latency: 0.12 },
  { method: "GET", path: "/api/bar", rate: 9, latency: 0.3 },
  { method: "POST", path: "/api/bar", rate: 1.5, latency: 0.8 },
];

/** A small deterministic PRNG (mulberry32), so both systems and every run see the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of requests at or below `le` seconds for a route whose typical latency is `typical`. */
const cdf = (le: number, typical: number) => (le === Infinity ? 1 : 1 - Math.exp(-le / typical));

/** Series for [from, to] (ms). The second instance restarts two thirds in: 30 s down, counters reset. */
export function demoServiceData(from: number, to: number): RemoteSeries[] {
  const all = new Map<string, RemoteSeries>();
  const push = (labels: Record<string, string>, timestamp: number, value: number) => {
    const key = JSON.stringify(labels);
    const s = all.get(key) ?? { labels, samples: [] };
    all.set(key, s);
    s.samples.push({ timestamp, value });
  };
  const downFrom = from + Math.round(((to - from) * 2) / 3);
  const downTo = downFrom + 30_000;

  INSTANCES.forEach((instance, n) => {
    const rnd = random(n + 1);
    const base = { instance, job: "demo" };
    const counters = new Map<string, number>();
    const add = (key: string, by: number) => counters.set(key, (counters.get(key) ?? 0) + by);
    let lastBatch = from / 1000 - 60;
    let wasDown = false;
    let intermittentOn = false;
    // Scrapes land a little after each 5 s mark, a different offset per target, with jitter.
    for (let t = from + 1_000 * n + 137; t <= to; t += SCRAPE_MS) {
      const ts = t + Math.floor(rnd() * 4);
      const down = n === 1 && ts >= downFrom && ts < downTo;
      if (down) {
        // A failed scrape: Prometheus marks every series of the target stale once.
        if (!wasDown) for (const s of all.values()) if (s.labels.instance === instance) push(s.labels, ts, staleNaN());
        wasDown = true;
        intermittentOn = false;
        continue;
      }
      if (wasDown) counters.clear(); // the process restarted: counters begin again
      wasDown = false;
      const minutes = (ts - from) / 60_000;

      const total = 8e9 * (n + 1);
      const used = total * (0.4 + 0.2 * Math.sin(minutes / 17 + n) + 0.02 * rnd());
      const cached = total * (0.25 + 0.05 * Math.cos(minutes / 9));
      const buffers = total * 0.05 + 1e6 * rnd();
      push({ __name__: "demo_memory_usage_bytes", ...base, type: "used" }, ts, Math.round(used));
      push({ __name__: "demo_memory_usage_bytes", ...base, type: "cached" }, ts, Math.round(cached));
      push({ __name__: "demo_memory_usage_bytes", ...base, type: "buffers" }, ts, Math.round(buffers));
      push(
        { __name__: "demo_memory_usage_bytes", ...base, type: "free" },
        ts,
        Math.round(total - used - cached - buffers),
      );

      const cpus = [4, 8, 16][n];
      push({ __name__: "demo_num_cpus", ...base }, ts, cpus);
      for (const [mode, share] of [
        ["user", 0.35],
        ["system", 0.1],
        ["idle", 0.55],
      ] as const) {
        add(`cpu_${mode}`, (SCRAPE_MS / 1000) * cpus * share * (0.8 + 0.4 * rnd()));
        push({ __name__: "demo_cpu_usage_seconds_total", ...base, mode }, ts, counters.get(`cpu_${mode}`)!);
      }

      // Disk fills steadily and is cleaned up every 50 minutes.
      const disk = 2e10 * (n + 1) + 4e6 * ((minutes % 50) * 60) + 1e5 * rnd();
      push({ __name__: "demo_disk_usage_bytes", ...base }, ts, Math.round(disk));
      push({ __name__: "demo_disk_total_bytes", ...base }, ts, 1e11 * (n + 1));

      // A batch job runs every 2 minutes and fails one run in four.
      if (Math.floor(ts / 120_000) !== Math.floor((ts - SCRAPE_MS) / 120_000) && rnd() > 0.25) lastBatch = ts / 1000;
      push({ __name__: "demo_batch_last_success_timestamp_seconds", ...base }, ts, Math.floor(lastBatch));

      // Present for 10 minutes, then absent for 5: its first missing scrape writes a staleness marker.
      const on = (minutes + 4 * n) % 15 < 10;
      const intermittent = { __name__: "demo_intermittent_metric", ...base };
      if (on) push(intermittent, ts, Math.round(100 * rnd()));
      else if (intermittentOn) push(intermittent, ts, staleNaN());
      intermittentOn = on;

      for (const r of ROUTES) {
        for (const [status, share] of [
          ["200", 0.97],
          ["500", 0.03],
        ] as const) {
          const key = `${r.method} ${r.path} ${status}`;
          const requests = Math.round((SCRAPE_MS / 1000) * r.rate * share * (0.5 + rnd()) * (1 + n / 2));
          add(`${key} count`, requests);
          add(`${key} sum`, requests * r.latency * (0.7 + 0.6 * rnd()));
          const labels = { ...base, method: r.method, path: r.path, status };
          for (const le of BUCKETS) {
            add(`${key} ${le}`, Math.round(requests * cdf(le === "+Inf" ? Infinity : Number(le), r.latency)));
            push(
              { __name__: "demo_api_request_duration_seconds_bucket", ...labels, le },
              ts,
              counters.get(`${key} ${le}`)!,
            );
          }
          push({ __name__: "demo_api_request_duration_seconds_sum", ...labels }, ts, counters.get(`${key} sum`)!);
          push({ __name__: "demo_api_request_duration_seconds_count", ...labels }, ts, counters.get(`${key} count`)!);
        }
      }
    }
  });
  return [...all.values()];
}

/** The same series cut into consecutive time slices, so a receiver gets them in time order. */
export function* timeSlices(series: RemoteSeries[], from: number, to: number, sliceMs: number) {
  for (let t = from; t <= to; t += sliceMs) {
    const slice = series
      .map((s) => ({
        labels: s.labels,
        samples: s.samples.filter((p) => p.timestamp >= t && p.timestamp < t + sliceMs),
      }))
      .filter((s) => s.samples.length > 0);
    if (slice.length > 0) yield slice;
  }
}
