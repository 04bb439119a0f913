// GET|PUT|DELETE /api/v1/alert-rules/:id — one alert rule (read key to read, admin key to change)
import { deleteRule, getRule, updateRule } from "@/lib/alerts/rules";
import { idParam } from "@/lib/api/params";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromApiKey } from "@/lib/auth/tenant-access";
import { alertRuleSchema } from "@/lib/schemas/alert-rules";

type P = { id: string };
const PATTERN = "/api/v1/alert-rules/[id]";

export const GET = route<P>(PATTERN, async (req, { params }) =>
  json(await getRule(await tenantFromApiKey(req, "read"), idParam((await params).id, "Alert rule"))),
);

export const PUT = route<P>(PATTERN, async (req, { params }) => {
  const tenant = await tenantFromApiKey(req, "admin");
  const id = idParam((await params).id, "Alert rule");
  return json(await updateRule(tenant, id, await readJson(req, alertRuleSchema)));
});

export const DELETE = route<P>(PATTERN, async (req, { params }) => {
  await deleteRule(await tenantFromApiKey(req, "admin"), idParam((await params).id, "Alert rule"));
  return new Response(null, { status: 204 });
});
