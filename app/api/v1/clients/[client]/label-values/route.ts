// GET /api/v1/clients/:client/label-values?label=&match= — values of a label, for dashboard variables (members)
import { badRequest } from "@/lib/api/errors";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { labelValues } from "@/lib/prom-api/metadata-queries";
import { parseSelector } from "@/lib/promql/parse";
import { appSeriesDb } from "@/lib/series/series-db";

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const GET = route<{ client: string }>("/api/v1/clients/[client]/label-values", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  const search = new URL(req.url).searchParams;
  const label = search.get("label") ?? "";
  if (!LABEL.test(label)) throw badRequest("label: a label name, e.g. service");
  const match = search.get("match")?.trim();
  if (match)
    try {
      parseSelector(match);
    } catch (err) {
      throw badRequest(`match: ${(err as Error).message}`);
    }
  return json(await labelValues(tenant, await appSeriesDb(), label, match ? [match] : [], {}));
});
