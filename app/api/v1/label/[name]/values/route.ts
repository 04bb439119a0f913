// GET /api/v1/label/:name/values — values of one label, optionally for match[] (read key)
import { LABEL_NAME } from "@/lib/ingest/limits";
import { labelValues } from "@/lib/prom-api/metadata-queries";
import { parseTime, PromApiError, promRoute, promSuccess } from "@/lib/prom-api/prom-route";
import { appSeriesDb } from "@/lib/series/series-db";

export const GET = promRoute<{ name: string }>("/api/v1/label/[name]/values", async (tenant, params, { name }) => {
  if (name !== "__name__" && !LABEL_NAME.test(name))
    throw new PromApiError("bad_data", `invalid label name: "${name}"`);
  const range = { start: parseTime(params.get("start"), "start"), end: parseTime(params.get("end"), "end") };
  return promSuccess(await labelValues(tenant, await appSeriesDb(), name, params.getAll("match[]"), range));
});
