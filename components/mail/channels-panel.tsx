"use client";
import { QueryView } from "@/components/ui/query-view";
import { useChannelsQuery, useTestNotificationMutation } from "@/lib/hooks/use-outbox";

const CHANNEL_LABELS: Record<string, string> = {
  email: "Email",
  webhook: "Signed webhook",
  slack: "Slack-compatible",
  alertmanager: "Alertmanager",
};

/** Every address and webhook the client's policies and members use, each with "Send test". */
export function ChannelsPanel({ slug }: { slug: string }) {
  const channels = useChannelsQuery(slug);
  const test = useTestNotificationMutation(slug);
  return (
    <div className="card">
      <h2>Notification channels</h2>
      <p className="muted">
        From the escalation policies and the admins and managers. A test goes through the outbox like a real notice:
        watch it below.
      </p>
      {test.error && <div className="alert error">{test.error.message}</div>}
      <QueryView query={channels} empty="No channels yet: add members or an escalation policy.">
        {(list) => (
          <table>
            <thead>
              <tr>
                <th>Channel</th>
                <th>Address or URL</th>
                <th>Used by</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={`${c.channel} ${c.target}`}>
                  <td>{CHANNEL_LABELS[c.channel] ?? c.channel}</td>
                  <td>
                    <code>{c.target}</code>
                  </td>
                  <td className="muted">{c.usedBy.join(", ")}</td>
                  <td>
                    <button
                      type="button"
                      disabled={test.isPending}
                      onClick={() => test.mutate({ channel: c.channel as "email", target: c.target })}
                    >
                      Send test
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </div>
  );
}
