// GET /api/v1/clients/:client/incidents/:id — one incident with its timeline and notifications (members)
import { getIncident } from "@/lib/alerts/incidents";
import { idParam } from "@/lib/api/params";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";

export const GET = route<{ client: string; id: string }>(
  "/api/v1/clients/[client]/incidents/[id]",
  async (_req, { params }) => {
    const { client, id } = await params;
    return json(await getIncident(await tenantFromSession(client, "viewer"), idParam(id, "Incident")));
  },
);
