// GET /api/v1/clients/:client/traces?range=&service=&route= — the slowest requests of the window, each naming its trace (members)
import { getSlowestRequests } from "@/lib/apm/get-performance";
import { badRequest } from "@/lib/api/errors";
import { json, zodDetails } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { performanceQuerySchema } from "@/lib/schemas/performance";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/traces", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  const input = performanceQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!input.success) throw badRequest("Check the filters", zodDetails(input.error));
  return json(await getSlowestRequests(tenant, input.data));
});
