// The outbox worker: claims due notifications (FOR UPDATE SKIP LOCKED, so several processes
// never take the same row), sends them, and records every attempt. A failure is retried with
// exponential backoff; a crash mid-send leaves the row "sending" until its lease ends, then it
// is retried (at least once; the Message-ID is the row id, so mail clients fold a repeat).
// Emails of one group (group_key) waiting together go out as one message (group-mail.ts).
import nodemailer from "nodemailer";
import { getPool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { CHANNELS, deliveryUrl, WEBHOOK_CHANNELS } from "./channels";
import { groupMail } from "./group-mail";

const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 10;
const BATCH = 20;

type Row = {
  id: string;
  incident_id: string | null;
  channel: string;
  target: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  attempts: number;
  group_key: string | null;
  group_title: string | null;
};
export type Attachment = { filename: string; content: Buffer; cid: string };
/** One message as it leaves: a row, or several rows of a group composed into one. */
export type Outgoing = Pick<Row, "id" | "channel" | "target" | "subject" | "text" | "html" | "headers"> & {
  attachments?: Attachment[];
};
export type Sender = (n: Outgoing) => Promise<void>;
/** Extra content for an email about these incidents (the chart of the breach), or null. */
export type MailExtras = (incidentIds: string[]) => Promise<{ html: string; attachments: Attachment[] } | null>;

const COLUMNS = "id, incident_id, channel, target, subject, text, html, headers, attempts, group_key, group_title";

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
          attachments: n.attachments,
          messageId: `<${n.id}@telltale>`,
        });
      },
    };
  }
  return transport.send;
}

/** POSTs a webhook notice as written (body and signature fixed when the row was made); 2xx or it failed. */
export async function postWebhook(n: Outgoing): Promise<void> {
  const res = await fetch(deliveryUrl(n.channel, n.target), {
    method: "POST",
    headers: { "Content-Type": "application/json", "User-Agent": "Telltale", ...n.headers },
    body: n.text,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`${n.channel} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
}

/** Email through SMTP (when configured), webhooks over HTTP. */
function defaultSender(): { send: Sender; channels: readonly string[] } {
  const smtp = smtpSender();
  return {
    send: (n) => (n.channel === "email" ? smtp!(n) : postWebhook(n)),
    channels: smtp ? CHANNELS : WEBHOOK_CHANNELS,
  };
}

/** Claims due rows, then the rows waiting in the same groups (their wait has not passed yet). */
async function claim(channels: readonly string[]): Promise<Row[]> {
  const pool = getPool();
  const { rows } = await pool.query<Row>(
    `UPDATE notifications n SET status = 'sending', attempts = attempts + 1,
            next_attempt_at = now() + make_interval(secs => $1)
      WHERE id IN (SELECT id FROM notifications
                    WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND channel = ANY($3)
                    ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [LEASE_SECONDS, BATCH, channels],
  );
  const groups = [...new Set(rows.map((r) => r.group_key).filter((k): k is string => k !== null))];
  if (groups.length === 0) return rows;
  const siblings = await pool.query<Row>(
    `UPDATE notifications n SET status = 'sending', attempts = attempts + 1,
            next_attempt_at = now() + make_interval(secs => $1)
      WHERE id IN (SELECT id FROM notifications
                    WHERE status = 'pending' AND group_key = ANY($2) AND attempts = 0
                    FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [LEASE_SECONDS, groups],
  );
  return [...rows, ...siblings.rows];
}

/** The claimed rows as messages: one per group, one per ungrouped row. */
function messages(rows: Row[]): Row[][] {
  const byGroup = new Map<string, Row[]>();
  for (const r of rows) {
    const key = r.group_key ?? `row:${r.id}`;
    if (!byGroup.has(key)) byGroup.set(key, []);
    byGroup.get(key)!.push(r);
  }
  return [...byGroup.values()].map((g) => g.sort((a, b) => a.subject.localeCompare(b.subject)));
}

async function outgoing(group: Row[], extras?: MailExtras): Promise<Outgoing> {
  const first = group[0];
  const mail = groupMail(first.group_title ?? first.subject, group);
  const out: Outgoing = { ...first, ...mail };
  if (first.channel !== "email" || !extras) return out;
  const incidents = group.map((r) => r.incident_id).filter((id): id is string => id !== null);
  // A chart is a bonus: the notice goes without it if drawing fails.
  const extra = incidents.length ? await extras(incidents).catch(() => null) : null;
  if (extra) {
    out.html = `${extra.html}${out.html ?? ""}`;
    out.attachments = extra.attachments;
  }
  return out;
}

/**
 * Sends what is due. Returns how many rows were sent and how many failed this round. Without
 * SMTP_URL, email waits in the outbox while webhooks still go; `send` replaces every channel.
 */
export async function deliverDue(send?: Sender, extras?: MailExtras): Promise<{ sent: number; failed: number }> {
  const sender = send ? { send, channels: CHANNELS } : defaultSender();
  const pool = getPool();
  let sent = 0;
  let failed = 0;
  for (const group of messages(await claim(sender.channels))) {
    const ids = group.map((r) => r.id);
    try {
      await sender.send(await outgoing(group, extras));
      await pool.query(
        `UPDATE notifications SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ANY($1)`,
        [ids],
      );
      sent += ids.length;
    } catch (err) {
      failed += ids.length;
      const attempts = Math.max(...group.map((r) => r.attempts));
      await pool.query(
        `UPDATE notifications SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4)
          WHERE id = ANY($1)`,
        [
          ids,
          attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          (err as Error).message.slice(0, 500),
          backoffSeconds(attempts),
        ],
      );
    }
  }
  return { sent, failed };
}
