// A standalone process serving the ingest route handlers (the same code Next.js runs,
// without its router), so a test can SIGKILL it and the benchmark can load it. Prints its URL.
import { POST as otlpMetrics } from "@/app/api/otlp/v1/metrics/route";
import { POST as otlpTraces } from "@/app/api/otlp/v1/traces/route";
import { POST as events } from "@/app/api/v1/events/route";
import { POST as metrics } from "@/app/api/v1/metrics/route";
import { POST as write } from "@/app/api/v1/write/route";
import { serveRoutes } from "./lib/serve-routes";

const app = await serveRoutes({
  "POST /api/v1/metrics": metrics,
  "POST /api/v1/events": events,
  "POST /api/v1/write": write,
  "POST /api/otlp/v1/metrics": otlpMetrics,
  "POST /api/otlp/v1/traces": otlpTraces,
});
console.log(app.url);
