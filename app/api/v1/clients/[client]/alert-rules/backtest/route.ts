// POST /api/v1/clients/:client/alert-rules/backtest — how often a rule (not yet saved) would have fired in the last 7 days
import { backtestRule } from "@/lib/alerts/backtest";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { alertRuleSchema } from "@/lib/schemas/alert-rules";

export const POST = route<{ client: string }>(
  "/api/v1/clients/[client]/alert-rules/backtest",
  async (req, { params }) => {
    const tenant = await tenantFromSession((await params).client, "viewer");
    return json(await backtestRule(tenant, await readJson(req, alertRuleSchema)));
  },
);
