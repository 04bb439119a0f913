// GET /api/v1/clients/:client/escalation-policies — who is told when (members)
// POST /api/v1/clients/:client/escalation-policies — create a policy (admins)
import { createPolicy, listPolicies } from "@/lib/alerts/escalation";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { escalationPolicySchema } from "@/lib/schemas/escalation";

type P = { client: string };
const PATTERN = "/api/v1/clients/[client]/escalation-policies";

export const GET = route<P>(PATTERN, async (_req, { params }) =>
  json(await listPolicies(await tenantFromSession((await params).client, "viewer"))),
);

export const POST = route<P>(PATTERN, async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "admin");
  return json(await createPolicy(tenant, await readJson(req, escalationPolicySchema)), 201);
});
