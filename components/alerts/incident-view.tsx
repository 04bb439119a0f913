"use client";
import { Skeleton } from "@/components/ui/skeleton";
import { useIncidentActionMutation, useIncidentQuery } from "@/lib/hooks/use-alerts";
import { seriesName } from "@/components/charts/series-rows";
import { QueryPreview } from "./query-preview";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "–");
const STEP_STATE = {
  notified: ["ok", "notified"],
  upcoming: ["warn", "upcoming"],
  stopped: ["", "stopped: acknowledged"],
  held: ["", "held: silenced or flapping"],
} as const;

/** One incident: what fired, the chart, the actions, the timeline and who was told. */
export function IncidentView({ slug, id, canManage }: { slug: string; id: string; canManage: boolean }) {
  const incident = useIncidentQuery(slug, id);
  const action = useIncidentActionMutation(slug, id);
  if (incident.isPending) return <Skeleton height={420} />;
  if (incident.error)
    return (
      <div className="alert error" role="alert">
        {incident.error.message}
      </div>
    );
  const i = incident.data;
  return (
    <>
      <div className="card">
        <div className="incident-head">
          <div>
            <span className={`badge state-${i.state}`}>{i.state}</span>{" "}
            <span className={`badge sev-${i.severity}`}>{i.severity}</span>
            <h2 style={{ margin: "8px 0 4px" }}>{i.ruleName}</h2>
            {i.summary && <p style={{ margin: 0 }}>{i.summary}</p>}
          </div>
          {canManage && (
            <div className="form-actions" style={{ marginTop: 0 }}>
              {i.state === "firing" && (
                <button
                  className="primary"
                  type="button"
                  onClick={() => action.mutate("acknowledge")}
                  disabled={action.isPending}
                >
                  Acknowledge
                </button>
              )}
              {i.state !== "resolved" && (
                <button type="button" onClick={() => action.mutate("resolve")} disabled={action.isPending}>
                  Resolve
                </button>
              )}
            </div>
          )}
        </div>
        {i.silencedBy?.map((s) => (
          <div className="alert" key={s.id} role="status">
            Silenced until {when(s.endsAt)} by <code>{s.matchers}</code>
            {s.comment ? ` (${s.comment})` : ""}: nobody is notified; the timeline goes on.
          </div>
        ))}
        {action.error && (
          <div className="alert error" role="alert">
            {action.error.message}
          </div>
        )}
        <dl className="facts">
          <dt>Value</dt>
          <dd>
            {i.value ?? "–"} (fires when {i.comparator} {i.threshold})
          </dd>
          <dt>Series</dt>
          <dd>
            <code>{seriesName(i.labels)}</code>
          </dd>
          <dt>Query</dt>
          <dd>
            <code>{i.query}</code>
          </dd>
          <dt>Started</dt>
          <dd>{when(i.startedAt)}</dd>
          <dt>Fired</dt>
          <dd>{when(i.firedAt)}</dd>
          <dt>Acknowledged</dt>
          <dd>{i.acknowledgedAt ? `${when(i.acknowledgedAt)} by ${i.acknowledgedBy}` : "–"}</dd>
          <dt>Resolved</dt>
          <dd>{when(i.resolvedAt)}</dd>
        </dl>
        {i.explorePath && <a href={i.explorePath}>Investigate this series in Explore →</a>}
      </div>
      <div className="card">
        <h2>The query, last 6 hours</h2>
        <QueryPreview slug={slug} query={i.query} threshold={i.threshold} range="6h" />
      </div>
      <div className="grid cols-2">
        <div className="card">
          <h2>Timeline</h2>
          <ol className="timeline">
            {i.events?.map((e) => (
              <li key={`${e.at}-${e.kind}`}>
                <strong>{e.kind}</strong> {when(e.at)}
                {e.actor ? ` · by ${e.actor}` : ""}
                {e.value !== null ? ` · value ${e.value}` : ""}
              </li>
            ))}
          </ol>
        </div>
        <div className="card">
          <h2>Escalation</h2>
          {i.escalation ? (
            <>
              <p className="muted">Policy “{i.escalation.policy}”</p>
              <ol className="timeline" aria-label="Escalation steps">
                {i.escalation.steps.map((s) => (
                  <li key={`${s.run}-${s.step}`}>
                    <span className={`badge ${STEP_STATE[s.state][0]}`}>{STEP_STATE[s.state][1]}</span>{" "}
                    {s.run > 0 ? `repeat ${s.run}, ` : ""}step {s.step + 1} · {when(s.at)} · {s.targets}
                  </li>
                ))}
              </ol>
              {i.escalation.steps.length === 0 && <p className="muted">Starts when the incident fires.</p>}
            </>
          ) : (
            <p className="muted">No policy for {i.severity}: admins and managers are emailed when it fires.</p>
          )}
          <h2>Notifications</h2>
          {i.notified?.length ? (
            <ul className="timeline">
              {i.notified.map((n, k) => (
                <li key={k}>
                  {n.target}: <strong>{n.status}</strong>
                  {n.sentAt ? ` ${when(n.sentAt)}` : ""} · {n.attempts} attempt{n.attempts === 1 ? "" : "s"}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nobody yet: notifications go out when the incident fires.</p>
          )}
        </div>
      </div>
    </>
  );
}
