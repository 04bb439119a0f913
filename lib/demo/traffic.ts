// Live traffic of a workflow-automation client, as it would arrive now: counters that
// keep counting, a daily rhythm, a funnel of business events, traces with a latency
// distribution and errors. Pure (seeded); used by the load generator and the demo.
import type { MetricInput } from "@/lib/ingest/normalized";
import type { EventRow, SpanRow } from "@/lib/series/write-series";
import { dailyRhythm, prng, requestTrace } from "./shapes";

const ROUTES = ["/checkout", "/login", "/api/orders", "/api/search", "/api/cart", "/api/users"];
const WORKFLOWS = ["invoice-sync", "lead-enrichment", "order-fulfilment", "crm-backfill"];

export class TrafficGenerator {
  private rand: () => number;
  private counters = new Map<string, number>();
  private session = 0;

  constructor(
    seed: number,
    /** How many instances each service runs: the main lever on the number of series. */
    private readonly instances = 2,
  ) {
    this.rand = prng(seed);
  }

  private counter(key: string, inc: number) {
    const v = (this.counters.get(key) ?? 0) + inc;
    this.counters.set(key, v);
    return v;
  }

  /** One sample per series at `t`; `scale` multiplies request volumes. */
  metrics(t: number, scale = 1): MetricInput[] {
    const load = dailyRhythm(t) * scale;
    const out: MetricInput[] = [];
    const add = (name: string, labels: Record<string, string>, type: string, v: number) =>
      out.push({ key: { name, labels, type }, points: [[t, v]], index: out.length });
    for (let i = 0; i < this.instances; i++) {
      const instance = `shop-${i + 1}:9100`;
      for (const route of ROUTES) {
        const reqs = Math.round(load * 20 * (0.8 + this.rand() * 0.4));
        const errors = this.rand() < 0.05 ? 1 : 0;
        for (const [status, n] of [
          ["200", reqs - errors],
          ["500", errors],
        ] as const) {
          const labels = { service: "shop-api", route, status, instance };
          add("http_requests_total", labels, "counter", this.counter(JSON.stringify(labels), n));
        }
        const labels = { service: "shop-api", route, instance };
        let cumulative = 0;
        for (const le of ["0.05", "0.1", "0.25", "0.5", "1", "+Inf"]) {
          cumulative += Math.round(reqs * (le === "+Inf" ? 0.02 : 0.3) * this.rand());
          add(
            "http_request_duration_seconds_bucket",
            { ...labels, le },
            "histogram",
            this.counter(`${JSON.stringify(labels)}${le}`, cumulative),
          );
        }
      }
      add("up", { job: "shop-api", instance }, "gauge", 1);
      add("process_resident_memory_bytes", { job: "shop-api", instance }, "gauge", Math.round(2e8 + this.rand() * 5e7));
    }
    for (const workflow of WORKFLOWS) {
      add(
        "workflow_runs_total",
        { workflow, status: "success" },
        "counter",
        this.counter(`wf-${workflow}`, Math.round(load * 3)),
      );
      add(
        "workflow_runs_total",
        { workflow, status: "failed" },
        "counter",
        this.counter(`wf-${workflow}-f`, this.rand() < 0.05 ? 1 : 0),
      );
    }
    add("queue_depth", { queue: "jobs" }, "gauge", Math.round(load * 40 + this.rand() * 8));
    return out;
  }

  /** About `count` funnel events around `t`. */
  events(t: number, count: number): EventRow[] {
    const out: EventRow[] = [];
    while (out.length < count) {
      const sessionId = `live-${++this.session}`;
      const userId = `u${1 + Math.floor(this.rand() * 5000)}`;
      const plan = this.rand() < 0.3 ? "pro" : "starter";
      const at = t - Math.floor(this.rand() * 1000);
      const step = (name: string, dt: number, extra: Partial<EventRow> = {}) =>
        out.push({
          time: new Date(at + dt),
          name,
          userId,
          sessionId,
          properties: { plan },
          id: `${sessionId}-${name}`,
          ...extra,
        });
      step("page_view", 0);
      if (this.rand() < 0.45) step("signup_started", 1);
      else continue;
      if (this.rand() < 0.7) step("signup_completed", 2);
      else continue;
      if (this.rand() < 0.55) step("checkout_completed", 3, { value: plan === "pro" ? 49 : 19 });
    }
    return out.slice(0, count);
  }

  /** About `count` spans around `t`: a server span and a database child per request. */
  spans(t: number, count: number): SpanRow[] {
    const out: SpanRow[] = [];
    while (out.length < count) {
      const route = ROUTES[Math.floor(this.rand() * ROUTES.length)];
      const duration = (route === "/api/search" ? 80 : 35) * Math.exp(this.rand() * 1.5);
      const at = new Date(t - Math.floor(this.rand() * 1000));
      out.push(...requestTrace(this.rand, at, route, duration, this.rand() < 0.02 ? "error" : "ok"));
    }
    return out.slice(0, count);
  }
}
