// Authentication for /api/cron/* routes: the shared secret in CRON_SECRET as a Bearer token,
// for deployments that drive scheduled work from an external scheduler. Unset → 404, so an
// install that never configured it exposes nothing.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { notFound, unauthorized } from "./errors";

export function requireCronSecret(req: Request): void {
  const secret = env().CRON_SECRET;
  if (!secret) throw notFound("Route");
  const given = (req.headers.get("authorization") ?? "").replace(/^Bearer\s+/i, "");
  const [a, b] = [Buffer.from(given), Buffer.from(secret)];
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw unauthorized("Send 'Authorization: Bearer $CRON_SECRET'");
}
