// GET|POST /api/v1/labels — label names, optionally of the series matching match[] (read key)
import { labelNames } from "@/lib/prom-api/metadata-queries";
import { parseTime, promRoute, promSuccess } from "@/lib/prom-api/prom-route";
import { appSeriesDb } from "@/lib/series/series-db";

const handler = promRoute("/api/v1/labels", async (tenant, params) => {
  const range = { start: parseTime(params.get("start"), "start"), end: parseTime(params.get("end"), "end") };
  return promSuccess(await labelNames(tenant, await appSeriesDb(), params.getAll("match[]"), range));
});

export { handler as GET, handler as POST };
