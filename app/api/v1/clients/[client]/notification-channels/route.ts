// GET /api/v1/clients/:client/notification-channels — addresses and webhooks the client's policies and members use (managers)
import { listChannels } from "@/lib/alerts/outbox";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";

export const GET = route<{ client: string }>(
  "/api/v1/clients/[client]/notification-channels",
  async (_req, { params }) => json(await listChannels(await tenantFromSession((await params).client, "manager"))),
);
