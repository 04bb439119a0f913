// POST /api/v1/clients/:client/notifications/test — a test notice to one of the client's channels (managers)
import { sendTestNotification } from "@/lib/alerts/outbox";
import { json, readJson } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { tenantForUser } from "@/lib/auth/tenant-access";
import { testNotificationSchema } from "@/lib/schemas/notifications";

export const POST = route<{ client: string }>(
  "/api/v1/clients/[client]/notifications/test",
  async (req, { params }) => {
    const user = await requireUser();
    const tenant = await tenantForUser(user, (await params).client, "manager");
    return json(
      await sendTestNotification(tenant, await readJson(req, testNotificationSchema), user.name || user.email),
      201,
    );
  },
);
