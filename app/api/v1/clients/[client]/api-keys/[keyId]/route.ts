// DELETE /api/v1/clients/:client/api-keys/:keyId — revoke a key (admins)
import { revokeApiKey } from "@/lib/api-keys/api-keys";
import { idParam } from "@/lib/api/params";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { tenantFromSession } from "@/lib/auth/session";

type P = { client: string; keyId: string };

export const DELETE = route<P>("/api/v1/clients/[client]/api-keys/[keyId]", async (_req, { params }) => {
  const { client, keyId } = await params;
  return json(await revokeApiKey(await tenantFromSession(client, "admin"), idParam(keyId, "API key")));
});
