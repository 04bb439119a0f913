// DELETE /api/v1/clients/:client/silences/:id — end a silence now (managers)
import { expireSilence } from "@/lib/alerts/silences";
import { idParam } from "@/lib/api/params";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";

export const DELETE = route<{ client: string; id: string }>(
  "/api/v1/clients/[client]/silences/[id]",
  async (_req, { params }) => {
    const { client, id } = await params;
    await expireSilence(await tenantFromSession(client, "manager"), idParam(id, "Active silence"));
    return new Response(null, { status: 204 });
  },
);
