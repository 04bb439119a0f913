// GET /api/v1/clients/:client/drilldown/samples?q=&from=&to=&m=… — the raw samples behind a drill-down window (members)
import { drillParams } from "@/lib/api/drill-params";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { drillSamples } from "@/lib/explore/drilldown";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/drilldown/samples", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  return json(await drillSamples(tenant, drillParams(req)));
});
