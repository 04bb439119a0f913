// POST /api/v1/clients/:client/incidents/:id/resolve — resolve by hand (managers)
import { resolveIncident } from "@/lib/alerts/incidents";
import { idParam } from "@/lib/api/params";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { tenantForUser } from "@/lib/auth/tenant-access";

export const POST = route<{ client: string; id: string }>(
  "/api/v1/clients/[client]/incidents/[id]/resolve",
  async (_req, { params }) => {
    const { client, id } = await params;
    const user = await requireUser();
    const tenant = await tenantForUser(user, client, "manager");
    return json(await resolveIncident(tenant, idParam(id, "Incident"), user.name || user.email));
  },
);
