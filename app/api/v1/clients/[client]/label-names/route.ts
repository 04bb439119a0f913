// GET /api/v1/clients/:client/label-names?match= — label names of the client's series, for query completion (members)
import { badRequest } from "@/lib/api/errors";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { labelNames } from "@/lib/prom-api/metadata-queries";
import { parseSelector } from "@/lib/promql/parse";
import { appSeriesDb } from "@/lib/series/series-db";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/label-names", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  const match = new URL(req.url).searchParams.get("match")?.trim();
  if (match)
    try {
      parseSelector(match);
    } catch (err) {
      throw badRequest(`match: ${(err as Error).message}`);
    }
  return json(await labelNames(tenant, await appSeriesDb(), match ? [match] : [], {}));
});
