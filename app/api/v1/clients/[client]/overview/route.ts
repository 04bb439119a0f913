// GET /api/v1/clients/:client/overview — last-day totals and three-day hourly trends (members)
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { tenantFromSession } from "@/lib/auth/session";
import { getOverview } from "@/lib/overview/get-overview";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/overview", async (_req, { params }) =>
  json(await getOverview(await tenantFromSession((await params).client, "viewer"))),
);
