// GET /api/v1/alert-rules — the key's client's alert rules (read key)
// POST /api/v1/alert-rules — create one, validated like the form (admin key): alerts as code
import { createRule, listRules } from "@/lib/alerts/rules";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromApiKey } from "@/lib/auth/tenant-access";
import { alertRuleSchema } from "@/lib/schemas/alert-rules";

export const GET = route("/api/v1/alert-rules", async (req) =>
  json(await listRules(await tenantFromApiKey(req, "read"))),
);

export const POST = route("/api/v1/alert-rules", async (req) => {
  const tenant = await tenantFromApiKey(req, "admin");
  return json(await createRule(tenant, await readJson(req, alertRuleSchema)), 201);
});
