// GET /api/v1/clients/:client/query?query=&range=[&from=&to=] — PromQL for signed-in members (Explore)
import { badRequest } from "@/lib/api/errors";
import { json, zodDetails } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { exploreQuery } from "@/lib/explore/run-query";
import { exploreQuerySchema } from "@/lib/schemas/explore";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/query", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  const search = new URL(req.url).searchParams;
  const input = exploreQuerySchema.safeParse({
    query: search.get("query") ?? "",
    range: search.get("range") ?? undefined,
    from: search.get("from") ?? undefined,
    to: search.get("to") ?? undefined,
  });
  if (!input.success) throw badRequest("Check the query", zodDetails(input.error));
  return json(await exploreQuery(tenant, input.data));
});
