// One-click acknowledgement from an email: the link carries the incident id and an HMAC of
// it under the session secret, so it works without signing in and cannot be forged.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const mac = (secret: string, incidentId: string) =>
  createHmac("sha256", secret).update(`ack:${incidentId}`).digest("base64url");

/** The token for an incident, or undefined when no secret is configured (then mails carry no link). */
export function ackToken(incidentId: string): string | undefined {
  const secret = env().NEXTAUTH_SECRET;
  return secret ? `${incidentId}.${mac(secret, incidentId)}` : undefined;
}

/** The incident id a token names, or null when the token is not one we signed. */
export function verifyAckToken(token: string): string | null {
  const secret = env().NEXTAUTH_SECRET;
  const [id, given] = token.split(".");
  if (!secret || !id || !given) return null;
  const [a, b] = [Buffer.from(given), Buffer.from(mac(secret, id))];
  return a.length === b.length && timingSafeEqual(a, b) ? id : null;
}
