// PATCH /api/v1/clients/:client/members/:memberId — change a member's role (admins)
// DELETE /api/v1/clients/:client/members/:memberId — remove a member (admins)
import { idParam } from "@/lib/api/params";
import { route } from "@/lib/api/route";
import { json, readJson } from "@/lib/api/respond";
import { tenantFromSession } from "@/lib/auth/session";
import { changeMemberRole, removeMember } from "@/lib/members/members";
import { changeRoleSchema } from "@/lib/schemas/members";

type P = { client: string; memberId: string };
const PATTERN = "/api/v1/clients/[client]/members/[memberId]";

export const PATCH = route<P>(PATTERN, async (req, { params }) => {
  const { client, memberId } = await params;
  const tenant = await tenantFromSession(client, "admin");
  return json(await changeMemberRole(tenant, idParam(memberId, "Member"), await readJson(req, changeRoleSchema)));
});

export const DELETE = route<P>(PATTERN, async (_req, { params }) => {
  const { client, memberId } = await params;
  await removeMember(await tenantFromSession(client, "admin"), idParam(memberId, "Member"));
  return new Response(null, { status: 204 });
});
