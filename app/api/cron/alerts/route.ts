// GET /api/cron/alerts — one alert round now (Bearer $CRON_SECRET): due rules, then due
// notifications. 409 while another process (the in-server leader) holds the alerts lock.
import { ApiError } from "@/lib/api/errors";
import { requireCronSecret } from "@/lib/api/cron";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { alertRound, withAlertsLock } from "@/lib/alerts/scheduler";

export const GET = route("/api/cron/alerts", async (req) => {
  requireCronSecret(req);
  const result = await withAlertsLock(() => alertRound());
  if (!result)
    throw new ApiError(409, "busy", "Another process is evaluating alerts right now; its round covers this one");
  return json(result);
});
