// GET /api/v1/clients/:client — one client (members)
// PATCH /api/v1/clients/:client — rename, change time zone (admins)
import { route } from "@/lib/api/route";
import { json, readJson } from "@/lib/api/respond";
import { tenantFromSession } from "@/lib/auth/session";
import { getClient, updateClient } from "@/lib/clients/clients";
import { updateClientSchema } from "@/lib/schemas/clients";

type P = { client: string };

export const GET = route<P>("/api/v1/clients/[client]", async (_req, { params }) =>
  json(await getClient(await tenantFromSession((await params).client, "viewer"))),
);

export const PATCH = route<P>("/api/v1/clients/[client]", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "admin");
  return json(await updateClient(tenant, await readJson(req, updateClientSchema)));
});
