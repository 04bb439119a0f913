// PUT|DELETE /api/v1/clients/:client/escalation-policies/:id — change or remove a policy (admins)
import { deletePolicy, updatePolicy } from "@/lib/alerts/escalation";
import { idParam } from "@/lib/api/params";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { escalationPolicySchema } from "@/lib/schemas/escalation";

type P = { client: string; id: string };
const PATTERN = "/api/v1/clients/[client]/escalation-policies/[id]";

export const PUT = route<P>(PATTERN, async (req, { params }) => {
  const { client, id } = await params;
  const tenant = await tenantFromSession(client, "admin");
  return json(
    await updatePolicy(tenant, idParam(id, "Escalation policy"), await readJson(req, escalationPolicySchema)),
  );
});

export const DELETE = route<P>(PATTERN, async (_req, { params }) => {
  const { client, id } = await params;
  await deletePolicy(await tenantFromSession(client, "admin"), idParam(id, "Escalation policy"));
  return new Response(null, { status: 204 });
});
