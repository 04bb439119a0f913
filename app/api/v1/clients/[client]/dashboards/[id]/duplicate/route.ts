// POST /api/v1/clients/:client/dashboards/:id/duplicate — a copy named "… (copy)" (managers)
import { idParam } from "@/lib/api/params";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { tenantForUser } from "@/lib/auth/tenant-access";
import { duplicateDashboard } from "@/lib/dashboards/dashboards";

export const POST = route<{ client: string; id: string }>(
  "/api/v1/clients/[client]/dashboards/[id]/duplicate",
  async (_req, { params }) => {
    const { client, id } = await params;
    const user = await requireUser();
    const tenant = await tenantForUser(user, client, "manager");
    return json(await duplicateDashboard(tenant, idParam(id, "Dashboard"), user.name || user.email), 201);
  },
);
