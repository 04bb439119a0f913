// GET /api/v1/clients/:client/dashboards/:id — one dashboard (members)
// PUT|DELETE /api/v1/clients/:client/dashboards/:id — save or remove it (managers)
import { idParam } from "@/lib/api/params";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { deleteDashboard, getDashboard, updateDashboard } from "@/lib/dashboards/dashboards";
import { dashboardSchema } from "@/lib/schemas/dashboards";

type P = { client: string; id: string };
const PATTERN = "/api/v1/clients/[client]/dashboards/[id]";

export const GET = route<P>(PATTERN, async (_req, { params }) => {
  const { client, id } = await params;
  return json(await getDashboard(await tenantFromSession(client, "viewer"), idParam(id, "Dashboard")));
});

export const PUT = route<P>(PATTERN, async (req, { params }) => {
  const { client, id } = await params;
  const tenant = await tenantFromSession(client, "manager");
  return json(await updateDashboard(tenant, idParam(id, "Dashboard"), await readJson(req, dashboardSchema)));
});

export const DELETE = route<P>(PATTERN, async (_req, { params }) => {
  const { client, id } = await params;
  await deleteDashboard(await tenantFromSession(client, "manager"), idParam(id, "Dashboard"));
  return new Response(null, { status: 204 });
});
