// The outbox worker: claims due notifications (FOR UPDATE SKIP LOCKED, so several processes
// never take the same row), sends them, and records every attempt. A failure is retried with
// exponential backoff; a crash mid-send leaves the row "sending" until its lease ends, then it
// is retried (at least once; the Message-ID is the row id, so mail clients fold a repeat).
import nodemailer from "nodemailer";
import { getPool } from "@/lib/db/client";
import { deliveryUrl } from "@/lib/alerts/webhook-payloads";
import { env } from "@/lib/env";

const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 10;
const BATCH = 20;

type Row = {
  id: string;
  channel: string;
  target: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  attempts: number;
};
export type Sender = (n: Row) => Promise<void>;

/** Seconds before attempt n + 1: 5 s, 10 s, 20 s … capped at 15 minutes. */
export const backoffSeconds = (attempts: number) => Math.min(900, 5 * 2 ** Math.max(0, attempts - 1));

let transport: { url: string; send: Sender } | undefined;
/** Mail through SMTP_URL (nodemailer); undefined while SMTP_URL is unset: mail waits in the outbox. */
export function smtpSender(): Sender | undefined {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  if (transport?.url !== url) {
    const mailer = nodemailer.createTransport(url);
    transport = {
      url,
      send: async (n) => {
        await mailer.sendMail({
          from: env().SMTP_FROM,
          to: n.target,
          subject: n.subject,
          text: n.text,
          html: n.html ?? undefined,
          messageId: `<${n.id}@telltale>`,
        });
      },
    };
  }
  return transport.send;
}

const WEBHOOK_CHANNELS = ["webhook", "slack", "alertmanager"];

/** POSTs a webhook notice as written (body and signature fixed when the row was made); 2xx or it failed. */
export async function postWebhook(n: Row): Promise<void> {
  const res = await fetch(deliveryUrl(n.channel, n.target), {
    method: "POST",
    headers: { "Content-Type": "application/json", "User-Agent": "Telltale", ...n.headers },
    body: n.text,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`${n.channel} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
}

/** Email through SMTP (when configured), webhooks over HTTP. */
function defaultSender(): { send: Sender; channels: string[] } {
  const smtp = smtpSender();
  return {
    send: (n) => (n.channel === "email" ? smtp!(n) : postWebhook(n)),
    channels: smtp ? ["email", ...WEBHOOK_CHANNELS] : WEBHOOK_CHANNELS,
  };
}

/**
 * Sends what is due. Returns how many were sent and how many failed this round. Without
 * SMTP_URL, email waits in the outbox while webhooks still go; `send` replaces every channel.
 */
export async function deliverDue(send?: Sender): Promise<{ sent: number; failed: number }> {
  const sender = send ? { send, channels: ["email", ...WEBHOOK_CHANNELS] } : defaultSender();
  const pool = getPool();
  const { rows } = await pool.query<Row>(
    `UPDATE notifications n SET status = 'sending', attempts = attempts + 1,
            next_attempt_at = now() + make_interval(secs => $1)
      WHERE id IN (SELECT id FROM notifications
                    WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND channel = ANY($3)
                    ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING id, channel, target, subject, text, html, headers, attempts`,
    [LEASE_SECONDS, BATCH, sender.channels],
  );
  let sent = 0;
  let failed = 0;
  for (const n of rows) {
    try {
      await sender.send(n);
      await pool.query(`UPDATE notifications SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [
        n.id,
      ]);
      sent++;
    } catch (err) {
      failed++;
      const final = n.attempts >= MAX_ATTEMPTS;
      await pool.query(
        `UPDATE notifications SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4)
          WHERE id = $1`,
        [n.id, final ? "failed" : "pending", (err as Error).message.slice(0, 500), backoffSeconds(n.attempts)],
      );
    }
  }
  return { sent, failed };
}
