// GET /api/v1/metadata — type, help and unit per metric name (read key)
import { metricMetadata } from "@/lib/prom-api/metadata-queries";
import { PromApiError, promRoute, promSuccess } from "@/lib/prom-api/prom-route";
import { appSeriesDb } from "@/lib/series/series-db";

export const GET = promRoute("/api/v1/metadata", async (tenant, params) => {
  const limitParam = params.get("limit");
  const limit = limitParam === null || limitParam === "" ? null : Number(limitParam);
  if (limit !== null && !Number.isInteger(limit)) throw new PromApiError("bad_data", `invalid limit "${limitParam}"`);
  return promSuccess(
    await metricMetadata(
      tenant,
      await appSeriesDb(),
      params.get("metric") || null,
      limit !== null && limit > 0 ? limit : null,
    ),
  );
});
