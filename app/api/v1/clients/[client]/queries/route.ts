// POST /api/v1/clients/:client/queries — several PromQL queries at once (a dashboard's panels), each answered or failed on its own (members)
import { badRequest } from "@/lib/api/errors";
import { errorResponse, json, zodDetails } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";
import { exploreQuery } from "@/lib/explore/run-query";
import { exploreBatchSchema, exploreQuerySchema, type ExploreBatchItem } from "@/lib/schemas/explore";

export const POST = route<{ client: string }>("/api/v1/clients/[client]/queries", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "viewer");
  const body = exploreBatchSchema.safeParse(await req.json().catch(() => null));
  if (!body.success) throw badRequest("Send { queries: [{ query, range, from?, to? }, …] }", zodDetails(body.error));
  const now = Date.now();
  const results = await Promise.all(
    body.data.queries.map(async (item): Promise<ExploreBatchItem> => {
      try {
        const input = exploreQuerySchema.safeParse(item);
        if (!input.success) throw badRequest("Check the query", zodDetails(input.error));
        return { result: await exploreQuery(tenant, input.data, now) };
      } catch (err) {
        // The one error mapper decides each item's status and message, as for a single query.
        const res = errorResponse(err);
        return { status: res.status, ...(await res.json()) };
      }
    }),
  );
  return json({ results });
});
