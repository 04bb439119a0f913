// GET|POST /api/v1/query — instant PromQL query (read key), Prometheus' result shapes
import { parseDurationParam, parseTime, promRoute, promSuccess, resolutionHeader } from "@/lib/prom-api/prom-route";
import { instantQuery } from "@/lib/prom-api/query";
import { appSeriesDb } from "@/lib/series/series-db";

const handler = promRoute("/api/v1/query", async (tenant, params) => {
  const t = parseTime(params.get("time"), "time")?.getTime() ?? Date.now();
  const timeoutMs = parseDurationParam(params.get("timeout"), "timeout");
  const info: { resolutions?: string[] } = {};
  const data = await instantQuery(tenant, await appSeriesDb(), params.get("query") ?? "", t, {
    timeoutMs,
    info,
    rollups: params.get("rollups") === "false" ? false : undefined,
  });
  return promSuccess(data, undefined, resolutionHeader(info.resolutions));
});

export { handler as GET, handler as POST };
