// GET /api/v1/clients/:client/incidents?state=open|resolved|all — incidents, newest first (members)
import { listIncidents } from "@/lib/alerts/incidents";
import { badRequest } from "@/lib/api/errors";
import { json, zodDetails } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { incidentFilterSchema } from "@/lib/schemas/incidents";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/incidents", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  const filter = incidentFilterSchema.safeParse({ state: new URL(req.url).searchParams.get("state") ?? undefined });
  if (!filter.success) throw badRequest("Check the filter", zodDetails(filter.error));
  return json(await listIncidents(tenant, filter.data.state));
});
