// Building blocks shared by the demo history and the live traffic generator (pure).
import type { SpanRow } from "@/lib/series/write-series";

export function prng(seed: number) {
  // mulberry32: small, fast, good enough for demo noise.
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Traffic multiplier in [0.2, 1]: quiet at night, busy mid-afternoon (UTC). */
export const dailyRhythm = (t: number) => 0.6 - 0.4 * Math.cos(((t / 3_600_000 - 3) / 24) * 2 * Math.PI);

export const randomHex = (rand: () => number, n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
};

const round = (x: number) => Math.round(x * 100) / 100;

/** One HTTP request as a trace: the service's server span and its database call. */
export function requestTrace(
  rand: () => number,
  at: Date,
  route: string,
  durationMs: number,
  status: string,
): SpanRow[] {
  const traceId = randomHex(rand, 32);
  const rootId = randomHex(rand, 16);
  return [
    {
      time: at,
      traceId,
      spanId: rootId,
      service: "shop-api",
      name: `GET ${route}`,
      route,
      kind: "server",
      status,
      durationMs: round(durationMs),
      attributes: { "http.route": route },
    },
    {
      time: new Date(at.getTime() + 2),
      traceId,
      spanId: randomHex(rand, 16),
      parentSpanId: rootId,
      service: "shop-db",
      name: "SELECT orders",
      kind: "client",
      status: "ok",
      durationMs: round(durationMs * 0.4),
      attributes: { "db.system": "postgresql" },
    },
  ];
}
