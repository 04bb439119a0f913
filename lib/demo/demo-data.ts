// Pure generator of a realistic few days for the demo client: a workflow-automation
// client with a web shop. Deterministic (seeded), with daily rhythm, an incident, and
// metrics, events and spans that tell the same story.
import type { SeriesKey } from "@/lib/series/write-series";
import type { EventRow, SpanRow } from "@/lib/series/write-series";
import { dailyRhythm, prng, requestTrace } from "./shapes";

const ROUTES = ["/checkout", "/login", "/api/orders", "/api/search"];
const WORKFLOWS = ["invoice-sync", "lead-enrichment", "order-fulfilment"];

export type DemoData = {
  series: { key: SeriesKey; points: [number, number][] }[];
  events: EventRow[];
  spans: SpanRow[];
};

export type DemoOptions = { end: number; days: number; stepMs?: number; seed?: number };

/** An incident window (the last day, 14:00–14:40 UTC) where errors and latency climb. */
const inIncident = (t: number, end: number) =>
  end - t < 86_400_000 && new Date(t).getUTCHours() === 14 && new Date(t).getUTCMinutes() < 40;

export function generateDemoData({ end, days, stepMs = 60_000, seed = 42 }: DemoOptions): DemoData {
  const rand = prng(seed);
  const start = end - days * 86_400_000;
  const byId = new Map<string, DemoData["series"][number]>();
  const counters = new Map<string, number>();
  const push = (key: SeriesKey, t: number, v: number) => {
    const id = JSON.stringify([key.name, key.labels]);
    let s = byId.get(id);
    if (!s) byId.set(id, (s = { key, points: [] }));
    s.points.push([t, v]);
  };
  const counter = (key: SeriesKey, t: number, inc: number) => {
    const id = JSON.stringify([key.name, key.labels]);
    const v = (counters.get(id) ?? 0) + inc;
    counters.set(id, v);
    push(key, t, v);
  };

  for (let t = start; t < end; t += stepMs) {
    const load = dailyRhythm(t);
    const incident = inIncident(t, end);
    for (const route of ROUTES) {
      const reqs = Math.round(load * 120 * (0.8 + rand() * 0.4));
      const errRate = incident && route === "/checkout" ? 0.25 : 0.005;
      const errors = Math.round(reqs * errRate * (0.5 + rand()));
      const labels = { service: "shop-api", route };
      counter({ name: "http_requests_total", labels: { ...labels, status: "200" }, type: "counter" }, t, reqs - errors);
      counter({ name: "http_requests_total", labels: { ...labels, status: "500" }, type: "counter" }, t, errors);
    }
    for (const workflow of WORKFLOWS) {
      const runs = Math.round(load * 10 * (0.7 + rand() * 0.6));
      counter({ name: "workflow_runs_total", labels: { workflow, status: "success" }, type: "counter" }, t, runs);
      const failed = rand() < (incident ? 0.6 : 0.03) ? 1 : 0;
      counter({ name: "workflow_runs_total", labels: { workflow, status: "failed" }, type: "counter" }, t, failed);
    }
    push(
      { name: "queue_depth", labels: { queue: "jobs" }, type: "gauge" },
      t,
      Math.round(load * 40 * (incident ? 6 : 1) + rand() * 8),
    );
    const down = incident && new Date(t).getUTCMinutes() < 5;
    push({ name: "up", labels: { job: "shop-api", instance: "shop-1:9100" }, type: "gauge" }, t, down ? 0 : 1);
    push({ name: "up", labels: { job: "shop-api", instance: "shop-2:9100" }, type: "gauge" }, t, 1);
  }

  const events: EventRow[] = [];
  const spans: SpanRow[] = [];
  let sessionNo = 0;
  for (let t = start; t < end; t += 5 * 60_000) {
    const load = dailyRhythm(t);
    const sessions = Math.round(load * 12 * (0.7 + rand() * 0.6));
    for (let i = 0; i < sessions; i++) {
      const at = t + Math.floor(rand() * 5 * 60_000);
      const sessionId = `s${++sessionNo}`;
      const userId = `u${1 + Math.floor(rand() * 800)}`;
      const plan = rand() < 0.3 ? "pro" : "starter";
      events.push({ time: new Date(at), name: "page_view", userId, sessionId, properties: { page: "/pricing", plan } });
      if (rand() < 0.45)
        events.push({ time: new Date(at + 20_000), name: "signup_started", userId, sessionId, properties: { plan } });
      else continue;
      if (rand() < 0.7)
        events.push({ time: new Date(at + 60_000), name: "signup_completed", userId, sessionId, properties: { plan } });
      else continue;
      const checkoutFails = inIncident(at, end) && rand() < 0.5;
      if (!checkoutFails && rand() < 0.55) {
        const value = plan === "pro" ? 49 : 19;
        events.push({
          time: new Date(at + 120_000),
          name: "checkout_completed",
          userId,
          sessionId,
          properties: { plan },
          value,
        });
      }
      if (rand() < 0.1) {
        events.push({
          time: new Date(at + 180_000),
          name: "nps_submitted",
          userId,
          sessionId,
          properties: { plan },
          value: Math.min(10, Math.round(6 + rand() * 5)),
        });
      }
    }
    for (const route of ROUTES) {
      const count = Math.max(1, Math.round(load * 4));
      for (let i = 0; i < count; i++) {
        const at = t + Math.floor(rand() * 5 * 60_000);
        const incident = inIncident(at, end) && route === "/checkout";
        const base = route === "/api/search" ? 80 : 35;
        const duration = base * Math.exp(rand() * 1.2) * (incident ? 8 : 1);
        const status = incident && rand() < 0.3 ? "error" : "ok";
        spans.push(...requestTrace(rand, new Date(at), route, duration, status));
      }
    }
  }
  return { series: [...byId.values()], events, spans };
}
