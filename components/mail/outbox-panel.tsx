"use client";
import { Fragment, useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { useNotificationQuery, useOutboxQuery } from "@/lib/hooks/use-outbox";

const STATUSES = ["all", "pending", "sending", "sent", "failed"] as const;
const BADGE: Record<string, string> = { sent: "ok", pending: "warn", sending: "warn", failed: "danger" };
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "");

function MessageView({ slug, id }: { slug: string; id: string }) {
  const message = useNotificationQuery(slug, id);
  if (message.isPending) return <Skeleton height={200} />;
  if (message.error) return <div className="alert error">{message.error.message}</div>;
  const m = message.data;
  return (
    <div className="message-view">
      {m.html ? (
        // The mail's own HTML, sandboxed: no scripts, no access to this page.
        <iframe title={`Message: ${m.subject}`} sandbox="" srcDoc={m.html} />
      ) : (
        <pre>{m.text}</pre>
      )}
    </div>
  );
}

/** The outbox: every notification, whether it left, and the last error when it did not. */
export function OutboxPanel({ slug }: { slug: string }) {
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("all");
  const [open, setOpen] = useState<string | null>(null);
  const outbox = useOutboxQuery(slug, status);
  return (
    <div className="card">
      <div className="card-head">
        <h2>Outbox</h2>
        <label className="inline-check">
          Show{" "}
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </div>
      {outbox.isPending ? (
        <Skeleton height={160} />
      ) : outbox.error ? (
        <div className="alert error">{outbox.error.message}</div>
      ) : (
        <>
          {!outbox.data.smtpConfigured && (
            <div className="alert warn" role="status">
              SMTP is not configured: email stays here until SMTP_URL is set (webhooks still go out). Read the messages
              below.
            </div>
          )}
          {outbox.data.notifications.length === 0 ? (
            <div className="empty">Nothing sent yet. Alerts and tests land here.</div>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Subject</th>
                  <th>To</th>
                  <th>Status</th>
                  <th>Written</th>
                </tr>
              </thead>
              <tbody>
                {outbox.data.notifications.map((n) => (
                  <Fragment key={n.id}>
                    <tr>
                      <td>
                        <button
                          type="button"
                          className="link"
                          aria-expanded={open === n.id}
                          onClick={() => setOpen(open === n.id ? null : n.id)}
                        >
                          {n.subject}
                        </button>
                      </td>
                      <td>
                        <span className="muted">{n.channel}</span> <code>{n.target}</code>
                      </td>
                      <td>
                        <span className={`badge ${BADGE[n.status] ?? ""}`}>{n.status}</span>
                        {n.attempts > 1 && <span className="muted"> · {n.attempts} attempts</span>}
                        {n.lastError && <div className="error">{n.lastError}</div>}
                        {n.status === "pending" && n.attempts > 0 && (
                          <div className="muted">retry {time(n.nextAttemptAt)}</div>
                        )}
                      </td>
                      <td>
                        {time(n.createdAt)}
                        {n.sentAt && <div className="muted">sent {time(n.sentAt)}</div>}
                      </td>
                    </tr>
                    {open === n.id && (
                      <tr>
                        <td colSpan={4}>
                          <MessageView slug={slug} id={n.id} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
