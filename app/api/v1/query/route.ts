// GET|POST /api/v1/query — instant PromQL query (read key), Prometheus' result shapes
import { parseDurationParam, parseTime, promRoute, promSuccess } from "@/lib/prom-api/prom-route";
import { instantQuery } from "@/lib/prom-api/query";
import { appSeriesDb } from "@/lib/series/series-db";

const handler = promRoute("/api/v1/query", async (tenant, params) => {
  const t = parseTime(params.get("time"), "time")?.getTime() ?? Date.now();
  const timeoutMs = parseDurationParam(params.get("timeout"), "timeout");
  return promSuccess(await instantQuery(tenant, await appSeriesDb(), params.get("query") ?? "", t, { timeoutMs }));
});

export { handler as GET, handler as POST };
