// Bodies of the non-email notification targets (pure): a generic JSON webhook signed with
// HMAC-SHA256, a Slack-compatible incoming webhook ({ text }), and Prometheus Alertmanager's
// /api/v2/alerts (an array of alerts; endsAt set when resolved).
import { createHmac } from "node:crypto";

import type { WEBHOOK_KINDS } from "@/lib/schemas/escalation";

export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export type AlertEvent = {
  kind: "firing" | "resolved";
  incidentId: string;
  incidentUrl: string;
  clientSlug: string;
  ruleName: string;
  severity: string;
  labels: Record<string, string>;
  value: number | null;
  summary: string;
  startsAt: Date;
  at: Date;
};

/** The signature header value: "sha256=" + hex HMAC of the exact body bytes. */
export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export function webhookRequest(kind: WebhookKind, e: AlertEvent, secret?: string) {
  let body: string;
  if (kind === "slack") {
    const icon = e.kind === "firing" ? ":rotating_light:" : ":white_check_mark:";
    const labels = Object.entries(e.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    body = JSON.stringify({
      text: `${icon} *${e.kind === "firing" ? `FIRING (${e.severity})` : "RESOLVED"}* ${e.ruleName} {${labels}}${e.summary ? ` — ${e.summary}` : ""} <${e.incidentUrl}|Open the incident>`,
    });
  } else if (kind === "alertmanager") {
    body = JSON.stringify([
      {
        labels: { alertname: e.ruleName, severity: e.severity, telltale_client: e.clientSlug, ...e.labels },
        annotations: { summary: e.summary, value: e.value === null ? "" : String(e.value) },
        startsAt: e.startsAt.toISOString(),
        ...(e.kind === "resolved" ? { endsAt: e.at.toISOString() } : {}),
        generatorURL: e.incidentUrl,
      },
    ]);
  } else {
    body = JSON.stringify({
      status: e.kind,
      incident: { id: e.incidentId, url: e.incidentUrl },
      client: e.clientSlug,
      rule: e.ruleName,
      severity: e.severity,
      labels: e.labels,
      value: e.value,
      summary: e.summary,
      startsAt: e.startsAt.toISOString(),
      at: e.at.toISOString(),
    });
  }
  const headers: Record<string, string> = secret ? { "X-Telltale-Signature": signBody(secret, body) } : {};
  return { body, headers };
}
