// GET|POST /api/v1/query_range — PromQL over a time range (read key), Prometheus' result shapes
import {
  parseDurationParam,
  parseTime,
  PromApiError,
  promRoute,
  promSuccess,
  resolutionHeader,
} from "@/lib/prom-api/prom-route";
import { rangeQuery } from "@/lib/prom-api/query";
import { appSeriesDb } from "@/lib/series/series-db";

const handler = promRoute("/api/v1/query_range", async (tenant, params) => {
  const start = parseTime(params.get("start"), "start");
  const end = parseTime(params.get("end"), "end");
  if (!start || !end) throw new PromApiError("bad_data", 'invalid parameter "start" or "end": both are required');
  const step = parseDurationParam(params.get("step"), "step");
  if (step === undefined)
    throw new PromApiError("bad_data", 'invalid parameter "step": cannot parse "" to a valid duration');
  const timeoutMs = parseDurationParam(params.get("timeout"), "timeout");
  const info: { resolutions?: string[] } = {};
  const query = params.get("query") ?? "";
  const data = await rangeQuery(tenant, await appSeriesDb(), query, start.getTime(), end.getTime(), step, {
    timeoutMs,
    info,
    // Diagnostic, not Prometheus: rollups=false reads raw samples only, to compare the two.
    rollups: params.get("rollups") === "false" ? false : undefined,
  });
  return promSuccess(data, undefined, resolutionHeader(info.resolutions));
});

export { handler as GET, handler as POST };
