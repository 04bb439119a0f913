// GET /api/cron/rollups — one rollup refresh now (Bearer $CRON_SECRET), for external schedulers
import { requireCronSecret } from "@/lib/api/cron";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { getPool } from "@/lib/db/client";
import { refreshRollups } from "@/lib/series/rollups";

export const GET = route("/api/cron/rollups", async (req) => {
  requireCronSecret(req);
  return json(await refreshRollups(getPool()));
});
