// GET /api/v1/clients/:client/alert-rules — the client's rules (members)
// POST /api/v1/clients/:client/alert-rules — create one (admins)
import { createRule, listRules } from "@/lib/alerts/rules";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { alertRuleSchema } from "@/lib/schemas/alert-rules";

type P = { client: string };
const PATTERN = "/api/v1/clients/[client]/alert-rules";

export const GET = route<P>(PATTERN, async (_req, { params }) =>
  json(await listRules(await tenantFromSession((await params).client, "viewer"))),
);

export const POST = route<P>(PATTERN, async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "admin");
  return json(await createRule(tenant, await readJson(req, alertRuleSchema)), 201);
});
