// Notifications of incident transitions, written to the outbox in the transition's
// transaction. Recipients: an escalation policy's step targets (escalation.ts) or, with no
// policy for the severity, the client's admins and managers by email at once; a resolved
// notice goes to every target a firing one reached, on the same channel.
import type { Role } from "@/lib/auth/roles";
import type { AlertRule, Client, Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { ackToken } from "./ack-link";
import { drilldownPath } from "./drilldown";
import { incidentMail } from "./incident-mail";
import { matchingSilences } from "./silences";
import { webhookRequest, type WebhookKind } from "./webhook-payloads";

export type RuleWithClient = AlertRule & { client: Client };
type Tx = Prisma.TransactionClient;

/** Where a notification goes: an address, or a URL of one of the webhook kinds. */
export type Target = { channel: "email"; to: string } | { channel: WebhookKind; to: string; secret?: string };

export const appUrl = () => env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;

/** Emails of the client's members with these roles or these addresses (someone who left is nobody). */
export async function memberEmails(
  tx: Tx,
  clientId: string,
  who: { roles?: Role[]; emails?: string[] },
): Promise<string[]> {
  if (!who.roles?.length && !who.emails?.length) return [];
  const members = await tx.membership.findMany({
    where: {
      clientId,
      OR: [{ role: { in: who.roles ?? [] } }, { user: { email: { in: who.emails ?? [] } } }],
    },
    include: { user: { select: { email: true } } },
  });
  return members.map((m) => m.user.email).sort();
}

type IncidentFacts = {
  id: string;
  labels: Record<string, string>;
  value: number | null;
  summary: string;
  startedAt: Date;
  firedAt?: Date | null;
};

/** Targets a firing notice reached, for the resolved notice; webhook secrets from the client's policies. */
async function firingTargets(tx: Tx, clientId: string, incidentId: string): Promise<Target[]> {
  const rows = await tx.notification.findMany({ where: { incidentId, dedupeKey: { contains: ":firing:" } } });
  const secrets = new Map<string, string>();
  for (const p of await tx.escalationPolicy.findMany({ where: { clientId } }))
    for (const step of p.steps as { webhooks?: { url: string; secret?: string }[] }[])
      for (const w of step.webhooks ?? []) if (w.secret) secrets.set(w.url, w.secret);
  return rows.map((n) =>
    n.channel === "email"
      ? { channel: "email", to: n.target }
      : { channel: n.channel as WebhookKind, to: n.target, secret: secrets.get(n.target) },
  );
}

/** Writes the notices; returns how many new rows that made (a repeat writes none). */
export async function notify(
  tx: Tx,
  rule: RuleWithClient,
  incident: IncidentFacts,
  kind: "firing" | "resolved",
  at: Date,
  /** An escalation step: its targets, and its place in the key so each step is written once. */
  step?: { targets: Target[]; key: string; now: Date },
): Promise<number> {
  // A silence holds notices (not evaluation): the timeline says so once, escalation resumes after it.
  const silences = await matchingSilences(
    tx,
    rule.clientId,
    { ...incident.labels, alertname: rule.name },
    step?.now ?? at,
  );
  if (silences.length > 0) {
    if (!(await tx.incidentEvent.findFirst({ where: { incidentId: incident.id, kind: "silenced" } })))
      await tx.incidentEvent.create({
        data: {
          incidentId: incident.id,
          at: step?.now ?? at,
          kind: "silenced",
          actor: `silence ${silences[0].matchers}`,
        },
      });
    return 0;
  }
  const targets =
    step?.targets ??
    (kind === "firing"
      ? (await memberEmails(tx, rule.clientId, { roles: ["admin", "manager"] })).map(
          (to) => ({ channel: "email", to }) as Target,
        )
      : await firingTargets(tx, rule.clientId, incident.id));
  const incidentUrl = `${appUrl()}/${rule.client.slug}/incidents/${incident.id}`;
  const token = kind === "firing" ? ackToken(incident.id) : undefined;
  const mail = incidentMail({
    kind,
    incidentUrl,
    ackUrl: token ? `${appUrl()}/api/ack/${token}` : undefined,
    exploreUrl: rule.query
      ? appUrl() +
        drilldownPath(rule.client.slug, {
          query: rule.query,
          labels: incident.labels,
          ruleLabels: rule.labels as Record<string, string>,
          startedAt: incident.startedAt,
          endedAt: kind === "resolved" ? at : null,
          now: Math.max(Date.now(), at.getTime()),
        })
      : undefined,
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
  const event = {
    kind,
    incidentId: incident.id,
    incidentUrl,
    clientSlug: rule.client.slug,
    ruleName: rule.name,
    severity: rule.severity,
    labels: incident.labels,
    value: incident.value,
    summary: incident.summary,
    startsAt: incident.firedAt ?? incident.startedAt,
    at,
  };
  const unique = new Map(targets.map((t) => [`${t.channel} ${t.to}`, t]));
  const { count } = await tx.notification.createMany({
    data: [...unique.values()].map((t) => {
      const base = {
        clientId: rule.clientId,
        incidentId: incident.id,
        dedupeKey: `${incident.id}:${kind}:${step ? `${step.key}:` : ""}${t.channel}:${t.to}`,
        channel: t.channel,
        target: t.to,
        subject: mail.subject,
      };
      // Emails of this rule to this person waiting together go out as one message (group-mail.ts).
      if (t.channel === "email")
        return {
          ...base,
          text: mail.text,
          html: mail.html,
          groupKey: `${rule.id}:${kind}:${t.to}`,
          groupTitle: mail.groupTitle,
          nextAttemptAt: new Date(Date.now() + env().ALERT_GROUP_WAIT_SECONDS * 1000),
        };
      // The request is fixed now, signature included, so a retry sends exactly the same bytes.
      const request = webhookRequest(t.channel, event, t.secret);
      return { ...base, text: request.body, headers: request.headers };
    }),
    skipDuplicates: true,
  });
  return count;
}
