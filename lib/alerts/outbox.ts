// The client's outbox as people see it (the Mail page): what was sent, what waits and why,
// the channels its policies and members name, and test notices to any of them.
import { randomUUID } from "node:crypto";
import { badRequest, notFound } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { Notification } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import type { EscalationStep } from "@/lib/schemas/escalation";
import type {
  NotificationChannelDto,
  NotificationDto,
  OutboxDto,
  TestNotificationInput,
} from "@/lib/schemas/notifications";
import { testNotificationSchema, notificationFilterSchema } from "@/lib/schemas/notifications";
import { appUrl, memberEmails } from "./notifications";
import { webhookRequest, type WebhookKind } from "./webhook-payloads";

const toDto = (n: Notification, full = false): NotificationDto => ({
  id: n.id,
  incidentId: n.incidentId,
  channel: n.channel,
  target: n.target,
  subject: n.subject,
  status: n.status,
  attempts: n.attempts,
  lastError: n.lastError,
  createdAt: n.createdAt.toISOString(),
  nextAttemptAt: n.nextAttemptAt.toISOString(),
  sentAt: n.sentAt?.toISOString() ?? null,
  ...(full ? { text: n.text, html: n.html } : {}),
});

export async function listOutbox(tenant: TenantContext, filter: unknown): Promise<OutboxDto> {
  const { status, limit } = notificationFilterSchema.parse(filter);
  const rows = await getPrisma().notification.findMany({
    where: { clientId: tenant.clientId, ...(status === "all" ? {} : { status }) },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return { smtpConfigured: Boolean(env().SMTP_URL), notifications: rows.map((n) => toDto(n)) };
}

export async function getNotification(tenant: TenantContext, id: string): Promise<NotificationDto> {
  const n = await getPrisma().notification.findFirst({ where: { id, clientId: tenant.clientId } });
  if (!n) throw notFound("Notification");
  return toDto(n, true);
}

type Found = NotificationChannelDto & { secret?: string };

/** Every channel the client's escalation policies or members name, with who uses it. */
async function channels(tenant: TenantContext): Promise<Found[]> {
  const found = new Map<string, Found>();
  const add = (channel: string, target: string, usedBy: string, secret?: string) => {
    const key = `${channel} ${target}`;
    const entry = found.get(key) ?? { channel, target, usedBy: [] };
    if (!entry.usedBy.includes(usedBy)) entry.usedBy.push(usedBy);
    if (secret) entry.secret = secret;
    found.set(key, entry);
  };
  const prisma = getPrisma();
  for (const p of await prisma.escalationPolicy.findMany({ where: { clientId: tenant.clientId } }))
    for (const step of p.steps as EscalationStep[]) {
      for (const to of [...(step.members ?? []), ...(step.emails ?? [])]) add("email", to, `policy ${p.name}`);
      for (const w of step.webhooks ?? []) add(w.kind, w.url, `policy ${p.name}`, w.secret);
    }
  for (const to of await memberEmails(prisma, tenant.clientId, { roles: ["admin", "manager"] }))
    add("email", to, "member");
  return [...found.values()].sort((a, b) => a.channel.localeCompare(b.channel) || a.target.localeCompare(b.target));
}

export const listChannels = async (tenant: TenantContext): Promise<NotificationChannelDto[]> =>
  (await channels(tenant)).map(({ secret: _secret, ...c }) => c);

/** Writes a test notice to one of the client's channels; the worker delivers it like any other. */
export async function sendTestNotification(
  tenant: TenantContext,
  input: TestNotificationInput,
  actor: string,
): Promise<NotificationDto> {
  const { channel, target } = testNotificationSchema.parse(input);
  const known = (await channels(tenant)).find((c) => c.channel === channel && c.target === target);
  // Only channels the client already uses: the test button is no way to mail or POST anywhere.
  if (!known) throw badRequest(`No policy or member of this client uses ${channel} ${target}`);
  const client = await getPrisma().client.findUniqueOrThrow({ where: { id: tenant.clientId } });
  const id = randomUUID();
  const subject = `[TEST] Telltale notification for ${client.name}`;
  const text = `This is a test notification sent by ${actor} from ${appUrl()}/${client.slug}/mail.\nIf you read it, ${channel} ${target} works.`;
  const base = { id, clientId: tenant.clientId, dedupeKey: `test:${id}`, channel, target, subject };
  const data =
    channel === "email"
      ? { ...base, text, html: `<p>${text.replace(/\n/g, "<br>")}</p>` }
      : (() => {
          const request = webhookRequest(
            channel as WebhookKind,
            {
              kind: "firing",
              incidentId: id,
              incidentUrl: `${appUrl()}/${client.slug}/mail`,
              clientSlug: client.slug,
              ruleName: "Telltale test notification",
              severity: "info",
              labels: { alertname: "TelltaleTest" },
              value: null,
              summary: text,
              startsAt: new Date(),
              at: new Date(),
            },
            known.secret,
          );
          return { ...base, text: request.body, headers: request.headers };
        })();
  return toDto(await getPrisma().notification.create({ data }));
}
