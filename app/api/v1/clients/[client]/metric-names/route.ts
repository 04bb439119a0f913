// GET /api/v1/clients/:client/metric-names — the client's metric names, for query completion
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { labelValues } from "@/lib/prom-api/metadata-queries";
import { appSeriesDb } from "@/lib/series/series-db";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/metric-names", async (_req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  return json(await labelValues(tenant, await appSeriesDb(), "__name__", [], {}));
});
