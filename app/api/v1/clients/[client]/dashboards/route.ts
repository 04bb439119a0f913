// GET /api/v1/clients/:client/dashboards — the client's dashboards (members)
// POST /api/v1/clients/:client/dashboards — create one, or import an exported one (managers;
//   a body with "telltaleDashboard" is an export, and a taken title gets " (imported)")
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { requireUser, tenantFromSession } from "@/lib/auth/session";
import { tenantForUser } from "@/lib/auth/tenant-access";
import { createDashboard, importDashboard, listDashboards } from "@/lib/dashboards/dashboards";
import { dashboardSchema } from "@/lib/schemas/dashboards";

type P = { client: string };
const PATTERN = "/api/v1/clients/[client]/dashboards";

export const GET = route<P>(PATTERN, async (_req, { params }) =>
  json(await listDashboards(await tenantFromSession((await params).client, "viewer"))),
);

export const POST = route<P>(PATTERN, async (req, { params }) => {
  const user = await requireUser();
  const tenant = await tenantForUser(user, (await params).client, "manager");
  const actor = user.name || user.email;
  const input = await readJson(req, { parse: (v: unknown) => v });
  const created =
    (input as { telltaleDashboard?: unknown })?.telltaleDashboard !== undefined
      ? await importDashboard(tenant, input, actor)
      : await createDashboard(tenant, dashboardSchema.parse(input), actor);
  return json(created, 201);
});
