// GET /api/v1/clients/:client/ingest-policy — cardinality limits and sampling (admins)
// PUT /api/v1/clients/:client/ingest-policy — change them (admins)
import { route } from "@/lib/api/route";
import { json, readJson } from "@/lib/api/respond";
import { tenantFromSession } from "@/lib/auth/session";
import { getIngestPolicy, updateIngestPolicy } from "@/lib/ingest/policy";
import { ingestPolicySchema } from "@/lib/schemas/ingest-policy";

type P = { client: string };
const PATTERN = "/api/v1/clients/[client]/ingest-policy";

export const GET = route<P>(PATTERN, async (_req, { params }) =>
  json(await getIngestPolicy(await tenantFromSession((await params).client, "admin"))),
);

export const PUT = route<P>(PATTERN, async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "admin");
  return json(await updateIngestPolicy(tenant, await readJson(req, ingestPolicySchema)));
});
