// GET|POST /api/v1/query_range — PromQL over a time range (read key), Prometheus' result shapes
import { parseDuration } from "@/lib/promql/duration";
import { parseTime, PromApiError, promRoute, promSuccess } from "@/lib/prom-api/prom-route";
import { rangeQuery } from "@/lib/prom-api/query";
import { appSeriesDb } from "@/lib/series/series-db";

/** step: a duration (15s) or seconds (15, 0.5). */
function parseStep(value: string | null): number {
  const seconds = Number(value);
  const ms = value && Number.isFinite(seconds) ? seconds * 1000 : value ? parseDuration(value) : null;
  if (ms === null || Number.isNaN(ms))
    throw new PromApiError("bad_data", `invalid parameter "step": cannot parse "${value ?? ""}" to a valid duration`);
  return ms;
}

const handler = promRoute("/api/v1/query_range", async (tenant, params) => {
  const start = parseTime(params.get("start"), "start");
  const end = parseTime(params.get("end"), "end");
  if (!start || !end) throw new PromApiError("bad_data", 'invalid parameter "start" or "end": both are required');
  const step = parseStep(params.get("step"));
  return promSuccess(
    await rangeQuery(tenant, await appSeriesDb(), params.get("query") ?? "", start.getTime(), end.getTime(), step),
  );
});

export { handler as GET, handler as POST };
