// GET /api/v1/clients/:client/drilldown?q=&from=&to=&m=name=value… — the labels to break a query down by, what changed most first (members)
import { drillParams } from "@/lib/api/drill-params";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { drillDown } from "@/lib/explore/drilldown";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/drilldown", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  return json(await drillDown(tenant, drillParams(req)));
});
