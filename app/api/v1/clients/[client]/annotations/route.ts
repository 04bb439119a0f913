// GET /api/v1/clients/:client/annotations?from=&to= — alert transitions and deploys in a window, for charts (members)
import { badRequest } from "@/lib/api/errors";
import { json, zodDetails } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { listAnnotations } from "@/lib/dashboards/annotations";
import { annotationsQuerySchema } from "@/lib/schemas/dashboards";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/annotations", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  const input = annotationsQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!input.success) throw badRequest("Check the window", zodDetails(input.error));
  return json(await listAnnotations(tenant, input.data.from, input.data.to));
});
