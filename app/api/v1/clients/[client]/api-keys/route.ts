// GET /api/v1/clients/:client/api-keys — the client's keys, without secrets (admins)
// POST /api/v1/clients/:client/api-keys — create a key; the response is the only time it is shown (admins)
import { createApiKey, listApiKeys } from "@/lib/api-keys/api-keys";
import { route } from "@/lib/api/route";
import { json, readJson } from "@/lib/api/respond";
import { tenantFromSession } from "@/lib/auth/session";
import { createApiKeySchema } from "@/lib/schemas/api-keys";

type P = { client: string };

export const GET = route<P>("/api/v1/clients/[client]/api-keys", async (_req, { params }) =>
  json(await listApiKeys(await tenantFromSession((await params).client, "admin"))),
);

export const POST = route<P>("/api/v1/clients/[client]/api-keys", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "admin");
  return json(await createApiKey(tenant, await readJson(req, createApiKeySchema)), 201, {
    "Cache-Control": "no-store",
  });
});
