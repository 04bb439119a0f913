// GET /api/v1/clients/:client/silences — active, upcoming and recently ended silences (members)
// POST /api/v1/clients/:client/silences — silence matching incidents for a while (managers)
import { createSilence, listSilences } from "@/lib/alerts/silences";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { requireUser, tenantFromSession } from "@/lib/auth/session";
import { tenantForUser } from "@/lib/auth/tenant-access";
import { silenceSchema } from "@/lib/schemas/silences";

type P = { client: string };
const PATTERN = "/api/v1/clients/[client]/silences";

export const GET = route<P>(PATTERN, async (_req, { params }) =>
  json(await listSilences(await tenantFromSession((await params).client, "viewer"))),
);

export const POST = route<P>(PATTERN, async (req, { params }) => {
  const user = await requireUser();
  const tenant = await tenantForUser(user, (await params).client, "manager");
  return json(await createSilence(tenant, await readJson(req, silenceSchema), user.name || user.email), 201);
});
