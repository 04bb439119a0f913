// The email of an incident transition (pure): subject, plain text and HTML, with the values
// and a link to Explore already showing the rule's query around the firing time.
import { escapeHtml } from "@/lib/render/escape-html";
import type { Severity } from "@/lib/db/generated/client";

export type IncidentMailInput = {
  kind: "firing" | "resolved";
  incidentUrl: string;
  /** One-click acknowledgement (firing mails, when a signing secret is configured). */
  ackUrl?: string;
  /** Explore narrowed to the series and the window around it (drilldown.ts); none without a query. */
  exploreUrl?: string;
  clientSlug: string;
  clientName: string;
  ruleName: string;
  query: string;
  comparator: string;
  threshold: number;
  severity: Severity;
  labels: Record<string, string>;
  value: number | null;
  summary: string;
  at: Date;
};

export function incidentMail(m: IncidentMailInput): {
  subject: string;
  groupTitle: string;
  text: string;
  html: string;
} {
  const labels = Object.entries(m.labels)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ");
  const state = m.kind === "firing" ? `FIRING:${m.severity}` : "RESOLVED";
  const subject = `[${state}] ${m.ruleName}${labels ? ` {${labels}}` : ""} — ${m.clientName}`;
  const groupTitle = `[${state}] ${m.ruleName} — ${m.clientName}`;
  const explore = m.exploreUrl;
  const value = m.value === null ? "no value" : String(m.value);
  const lines = [
    m.kind === "firing"
      ? `${m.ruleName} is firing for ${m.clientName} since ${m.at.toISOString()}.`
      : `${m.ruleName} resolved for ${m.clientName} at ${m.at.toISOString()}.`,
    ...(m.summary ? [m.summary] : []),
    "",
    `Value: ${value} (rule: ${m.comparator} ${m.threshold}, severity ${m.severity})`,
    `Series: {${labels}}`,
    `Query: ${m.query}`,
    "",
    `Incident: ${m.incidentUrl}`,
    ...(m.ackUrl ? [`Acknowledge (stops escalation): ${m.ackUrl}`] : []),
    ...(explore ? [`See the series around it in Explore: ${explore}`] : []),
  ];
  const html = `<div style="font-family:system-ui,sans-serif;font-size:14px;line-height:1.5">
<p style="font-size:16px"><strong>${escapeHtml(lines[0])}</strong></p>
${m.summary ? `<p>${escapeHtml(m.summary)}</p>` : ""}
<table style="border-collapse:collapse">
<tr><td style="padding:2px 12px 2px 0;color:#666">Value</td><td><strong>${escapeHtml(value)}</strong> (rule: ${escapeHtml(`${m.comparator} ${m.threshold}`)})</td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#666">Severity</td><td>${m.severity}</td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#666">Series</td><td><code>{${escapeHtml(labels)}}</code></td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#666">Query</td><td><code>${escapeHtml(m.query)}</code></td></tr>
</table>
<p>${m.ackUrl ? `<a href="${escapeHtml(m.ackUrl)}" style="background:#3a5ccc;color:#fff;padding:6px 12px;border-radius:6px;text-decoration:none">Acknowledge</a> · ` : ""}<a href="${escapeHtml(m.incidentUrl)}">Open the incident</a>${explore ? ` · <a href="${escapeHtml(explore)}">See it in Explore</a>` : ""}</p>
</div>`;
  return { subject, groupTitle, text: lines.join("\n"), html };
}
