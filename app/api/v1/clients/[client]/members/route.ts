// GET /api/v1/clients/:client/members — members and their roles (admins)
// POST /api/v1/clients/:client/members — add a member, creating the account if needed (admins)
import { route } from "@/lib/api/route";
import { json, readJson } from "@/lib/api/respond";
import { tenantFromSession } from "@/lib/auth/session";
import { addMember, listMembers } from "@/lib/members/members";
import { addMemberSchema } from "@/lib/schemas/members";

type P = { client: string };

export const GET = route<P>("/api/v1/clients/[client]/members", async (_req, { params }) =>
  json(await listMembers(await tenantFromSession((await params).client, "admin"))),
);

export const POST = route<P>("/api/v1/clients/[client]/members", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "admin");
  return json(await addMember(tenant, await readJson(req, addMemberSchema)), 201);
});
