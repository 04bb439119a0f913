// Notifications of incident transitions, written to the outbox in the transition's
// transaction. Recipients: an escalation policy's step targets (escalation.ts) or, with no
// policy for the severity, the client's admins and managers at once; a resolved notice goes
// to everyone a firing one reached.
import type { Role } from "@/lib/auth/roles";
import type { AlertRule, Client, Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { ackToken } from "./ack-link";
import { incidentMail } from "./incident-mail";

export type RuleWithClient = AlertRule & { client: Client };
type Tx = Prisma.TransactionClient;

export const appUrl = () => env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;

/** Emails of the client's members with these roles. */
export async function memberEmails(tx: Tx, clientId: string, roles: Role[]): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { clientId, role: { in: roles } },
    include: { user: { select: { email: true } } },
  });
  return members.map((m) => m.user.email).sort();
}

export async function notify(
  tx: Tx,
  rule: RuleWithClient,
  incident: { id: string; labels: Record<string, string>; value: number | null; summary: string },
  kind: "firing" | "resolved",
  at: Date,
  /** An escalation step: its targets, and its place in the key so each step is written once. */
  step?: { targets: string[]; key: string },
): Promise<number> {
  const targets = new Set(
    step?.targets ??
      (kind === "firing"
        ? await memberEmails(tx, rule.clientId, ["admin", "manager"])
        : (
            await tx.notification.findMany({ where: { incidentId: incident.id, dedupeKey: { contains: ":firing:" } } })
          ).map((n) => n.target)),
  );
  const token = kind === "firing" ? ackToken(incident.id) : undefined;
  const mail = incidentMail({
    kind,
    appUrl: appUrl(),
    incidentUrl: `${appUrl()}/${rule.client.slug}/incidents/${incident.id}`,
    ackUrl: token ? `${appUrl()}/api/ack/${token}` : undefined,
    clientSlug: rule.client.slug,
    clientName: rule.client.name,
    ruleName: rule.name,
    query: rule.query,
    comparator: rule.comparator,
    threshold: rule.threshold,
    severity: rule.severity,
    labels: incident.labels,
    value: incident.value,
    summary: incident.summary,
    at,
  });
  const { count } = await tx.notification.createMany({
    data: [...targets].map((target) => ({
      clientId: rule.clientId,
      incidentId: incident.id,
      dedupeKey: `${incident.id}:${kind}:${step ? `${step.key}:` : ""}${target}`,
      channel: "email",
      target,
      ...mail,
    })),
    skipDuplicates: true,
  });
  return count;
}
