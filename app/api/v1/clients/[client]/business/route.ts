// GET /api/v1/clients/:client/business?range=&event= — business events by name over time, with top properties (members)
import { badRequest } from "@/lib/api/errors";
import { json, zodDetails } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { getBusiness } from "@/lib/business/get-business";
import { businessQuerySchema } from "@/lib/schemas/business";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/business", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  const input = businessQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!input.success) throw badRequest("Check the filters", zodDetails(input.error));
  return json(await getBusiness(tenant, input.data));
});
