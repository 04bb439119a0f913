// The channels the outbox delivers to, and where each one's requests go.
export const WEBHOOK_CHANNELS = ["webhook", "slack", "alertmanager"] as const;
export const CHANNELS = ["email", ...WEBHOOK_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where a notice of this kind is POSTed: Alertmanager's v2 alerts endpoint under its base URL. */
export const deliveryUrl = (channel: string, target: string) =>
  channel === "alertmanager" ? `${target.replace(/\/+$/, "")}/api/v2/alerts` : target;
