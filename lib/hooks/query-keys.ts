// One factory for every query key, so prefetching, reading and invalidating agree.
export const queryKeys = {
  clients: () => ["clients"] as const,
  client: (slug: string) => ["clients", slug] as const,
  members: (slug: string) => ["clients", slug, "members"] as const,
  apiKeys: (slug: string) => ["clients", slug, "api-keys"] as const,
  overview: (slug: string) => ["clients", slug, "overview"] as const,
  ingestPolicy: (slug: string) => ["clients", slug, "ingest-policy"] as const,
  explore: (slug: string, query: string, range: string) => ["clients", slug, "explore", query, range] as const,
  metricNames: (slug: string) => ["clients", slug, "metric-names"] as const,
  alertRules: (slug: string) => ["clients", slug, "alert-rules"] as const,
  escalationPolicies: (slug: string) => ["clients", slug, "escalation-policies"] as const,
  silences: (slug: string) => ["clients", slug, "silences"] as const,
  incidents: (slug: string) => ["clients", slug, "incidents"] as const,
  incidentList: (slug: string, state: string) => ["clients", slug, "incidents", "list", state] as const,
  incident: (slug: string, id: string) => ["clients", slug, "incidents", id] as const,
};
