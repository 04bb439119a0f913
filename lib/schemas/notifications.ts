import { z } from "zod";
import { WEBHOOK_KINDS } from "./escalation";

export const NOTIFICATION_STATUSES = ["pending", "sending", "sent", "failed"] as const;

export const notificationFilterSchema = z.object({
  status: z.enum([...NOTIFICATION_STATUSES, "all"]).default("all"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A test notice to one of the client's channels (one its policies or members already name). */
export const testNotificationSchema = z.object({
  channel: z.enum(["email", ...WEBHOOK_KINDS]),
  target: z.string().trim().min(1, "Which address or URL?").max(2000),
});
export type TestNotificationInput = z.input<typeof testNotificationSchema>;

export type NotificationDto = {
  id: string;
  incidentId: string | null;
  channel: string;
  target: string;
  subject: string;
  status: (typeof NOTIFICATION_STATUSES)[number];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
  /** Only when one notification is read. */
  text?: string;
  html?: string | null;
};

export type NotificationChannelDto = { channel: string; target: string; usedBy: string[] };

export type OutboxDto = { smtpConfigured: boolean; notifications: NotificationDto[] };
