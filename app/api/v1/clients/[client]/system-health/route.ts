// GET /api/v1/clients/:client/system-health — up-style metrics with availability, Telltale's own health, ingest totals (members)
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { getSystemHealth } from "@/lib/health/client-health";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/system-health", async (_req, { params }) =>
  json(await getSystemHealth(await tenantFromSession((await params).client, "viewer"))),
);
