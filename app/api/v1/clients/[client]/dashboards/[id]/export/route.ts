// GET /api/v1/clients/:client/dashboards/:id/export — the dashboard as a JSON file to import elsewhere (members)
import { idParam } from "@/lib/api/params";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { exportDashboard } from "@/lib/dashboards/dashboards";

export const GET = route<{ client: string; id: string }>(
  "/api/v1/clients/[client]/dashboards/[id]/export",
  async (_req, { params }) => {
    const { client, id } = await params;
    const doc = await exportDashboard(await tenantFromSession(client, "viewer"), idParam(id, "Dashboard"));
    const file = `${doc.title.replace(/[^\w.-]+/g, "-").toLowerCase() || "dashboard"}.json`;
    return new Response(JSON.stringify(doc, null, 2), {
      headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="${file}"` },
    });
  },
);
