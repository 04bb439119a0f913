// PUT|DELETE /api/v1/clients/:client/alert-rules/:id — change or remove a rule (admins)
import { deleteRule, updateRule } from "@/lib/alerts/rules";
import { idParam } from "@/lib/api/params";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { alertRuleSchema } from "@/lib/schemas/alert-rules";

type P = { client: string; id: string };
const PATTERN = "/api/v1/clients/[client]/alert-rules/[id]";

export const PUT = route<P>(PATTERN, async (req, { params }) => {
  const { client, id } = await params;
  const tenant = await tenantFromSession(client, "admin");
  return json(await updateRule(tenant, idParam(id, "Alert rule"), await readJson(req, alertRuleSchema)));
});

export const DELETE = route<P>(PATTERN, async (_req, { params }) => {
  const { client, id } = await params;
  await deleteRule(await tenantFromSession(client, "admin"), idParam(id, "Alert rule"));
  return new Response(null, { status: 204 });
});
