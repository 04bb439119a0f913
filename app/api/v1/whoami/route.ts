// GET /api/v1/whoami — which client and scopes an API key stands for (any valid key)
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { authenticateApiKey } from "@/lib/auth/tenant-access";

export const GET = route("/api/v1/whoami", async (req) => {
  const tenant = await authenticateApiKey(req);
  return json({ client: tenant.clientSlug, scopes: tenant.actor.scopes });
});
