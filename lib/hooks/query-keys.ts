// One factory for every query key, so prefetching, reading and invalidating agree.

/** The window part of a PromQL query's key. */
export const exploreWindow = (range: string, fixed?: { from: number; to: number }) =>
  fixed ? `${fixed.from}-${fixed.to}` : range;

export const queryKeys = {
  clients: () => ["clients"] as const,
  client: (slug: string) => ["clients", slug] as const,
  members: (slug: string) => ["clients", slug, "members"] as const,
  apiKeys: (slug: string) => ["clients", slug, "api-keys"] as const,
  overview: (slug: string) => ["clients", slug, "overview"] as const,
  ingestPolicy: (slug: string) => ["clients", slug, "ingest-policy"] as const,
  /** `window`: a relative range ("6h") or a fixed one ("from-to"), see exploreWindow. */
  explore: (slug: string, query: string, window: string) => ["clients", slug, "explore", query, window] as const,
  metricNames: (slug: string) => ["clients", slug, "metric-names"] as const,
  alertRules: (slug: string) => ["clients", slug, "alert-rules"] as const,
  escalationPolicies: (slug: string) => ["clients", slug, "escalation-policies"] as const,
  silences: (slug: string) => ["clients", slug, "silences"] as const,
  incidents: (slug: string) => ["clients", slug, "incidents"] as const,
  incidentList: (slug: string, state: string) => ["clients", slug, "incidents", "list", state] as const,
  incident: (slug: string, id: string) => ["clients", slug, "incidents", id] as const,
  outbox: (slug: string) => ["clients", slug, "outbox"] as const,
  outboxList: (slug: string, status: string) => ["clients", slug, "outbox", "list", status] as const,
  notification: (slug: string, id: string) => ["clients", slug, "outbox", id] as const,
  channels: (slug: string) => ["clients", slug, "notification-channels"] as const,
  dashboards: (slug: string) => ["clients", slug, "dashboards"] as const,
  dashboard: (slug: string, id: string) => ["clients", slug, "dashboards", id] as const,
  performance: (slug: string, filters: string) => ["clients", slug, "performance", filters] as const,
  slowest: (slug: string, filters: string) => ["clients", slug, "traces", "slowest", filters] as const,
  trace: (slug: string, traceId: string) => ["clients", slug, "traces", traceId] as const,
  annotations: (slug: string, window: string) => ["clients", slug, "annotations", window] as const,
  drill: (slug: string, search: string) => ["clients", slug, "drilldown", search] as const,
  drillSamples: (slug: string, search: string) => ["clients", slug, "drilldown", "samples", search] as const,
  business: (slug: string, filters: string) => ["clients", slug, "business", filters] as const,
  systemHealth: (slug: string) => ["clients", slug, "system-health"] as const,
  labelNames: (slug: string, match: string) => ["clients", slug, "label-names", match] as const,
  labelValues: (slug: string, label: string, match: string) => ["clients", slug, "label-values", label, match] as const,
};
