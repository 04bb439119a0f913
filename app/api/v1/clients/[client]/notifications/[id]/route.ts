// GET /api/v1/clients/:client/notifications/:id — one notification with its text and HTML (managers)
import { getNotification } from "@/lib/alerts/outbox";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";

export const GET = route<{ client: string; id: string }>(
  "/api/v1/clients/[client]/notifications/[id]",
  async (_req, { params }) => {
    const { client, id } = await params;
    return json(await getNotification(await tenantFromSession(client, "manager"), id));
  },
);
