// GET /api/v1/clients/:client/notifications?status=&limit= — the outbox, newest first (managers)
import { listOutbox } from "@/lib/alerts/outbox";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";

export const GET = route<{ client: string }>("/api/v1/clients/[client]/notifications", async (req, { params }) => {
  const tenant = await tenantFromSession((await params).client, "manager");
  const search = new URL(req.url).searchParams;
  return json(
    await listOutbox(tenant, { status: search.get("status") ?? undefined, limit: search.get("limit") ?? undefined }),
  );
});
