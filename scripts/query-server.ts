// A standalone process serving the Prometheus query routes (the same code Next.js runs,
// without its router), so bench:query measures Telltale in its own process, as Prometheus
// runs in its own. Prints its URL.
import { GET as query } from "@/app/api/v1/query/route";
import { GET as queryRange } from "@/app/api/v1/query_range/route";
import { serveRoutes } from "./lib/serve-routes";

const app = await serveRoutes({
  "GET /api/v1/query": query,
  "POST /api/v1/query": query,
  "GET /api/v1/query_range": queryRange,
  "POST /api/v1/query_range": queryRange,
});
console.log(app.url);
