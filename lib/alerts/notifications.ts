// Notifications of incident transitions, written to the outbox in the transition's
// transaction. Recipients: the client's admins and managers (escalation policies will
// refine this); a resolved notice goes to everyone the firing one reached.
import type { AlertRule, Client, Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { ackToken } from "./ack-link";
import { incidentMail } from "./incident-mail";

export type RuleWithClient = AlertRule & { client: Client };
type Tx = Prisma.TransactionClient;

export const appUrl = () => env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;

/** Members who manage the client: the recipients until escalation policies exist. */
async function recipients(tx: Tx, clientId: string): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { clientId, role: { in: ["admin", "manager"] } },
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
) {
  // A resolved notice goes to everyone the firing one went to.
  const targets =
    kind === "firing"
      ? await recipients(tx, rule.clientId)
      : (
          await tx.notification.findMany({ where: { incidentId: incident.id, dedupeKey: { contains: ":firing:" } } })
        ).map((n) => n.target);
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
  await tx.notification.createMany({
    data: targets.map((target) => ({
      clientId: rule.clientId,
      incidentId: incident.id,
      dedupeKey: `${incident.id}:${kind}:${target}`,
      channel: "email",
      target,
      ...mail,
    })),
    skipDuplicates: true,
  });
}
