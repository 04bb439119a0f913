// GET|POST /api/v1/format_query — a PromQL expression pretty-printed as Prometheus does (read key)
import { promRoute, promSuccess } from "@/lib/prom-api/prom-route";
import { parsePromQL } from "@/lib/promql/parse";
import { prettify } from "@/lib/promql/print";

const handler = promRoute("/api/v1/format_query", async (_tenant, params) =>
  promSuccess(prettify(parsePromQL(params.get("query") ?? ""))),
);

export { handler as GET, handler as POST };
