// GET|POST /api/v1/series — label sets of the series matching match[] (read key)
import { seriesForSelectors } from "@/lib/prom-api/metadata-queries";
import { parseTime, PromApiError, promRoute, promSuccess } from "@/lib/prom-api/prom-route";
import { appSeriesDb } from "@/lib/series/series-db";

const handler = promRoute("/api/v1/series", async (tenant, params) => {
  const selectors = params.getAll("match[]");
  if (selectors.length === 0) throw new PromApiError("bad_data", "no match[] parameter provided");
  const range = { start: parseTime(params.get("start"), "start"), end: parseTime(params.get("end"), "end") };
  return promSuccess(await seriesForSelectors(tenant, await appSeriesDb(), selectors, range));
});

export { handler as GET, handler as POST };
