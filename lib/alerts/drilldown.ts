// The first step of root-cause drill-down (pure): Explore on the rule's query, narrowed to the
// incident's series and fixed on the window around it, so the link shows what fired.
export type DrilldownInput = {
  query: string;
  /** The incident's labels: its series' labels plus the rule's own. */
  labels: Record<string, string>;
  ruleLabels: Record<string, string>;
  startedAt: Date;
  /** When it resolved, or null while open. */
  endedAt: Date | null;
  now?: number;
};

const BEFORE_MS = 30 * 60_000;
const AFTER_MS = 15 * 60_000;

/**
 * `(query) and on(a, b) label_replace(label_replace(vector(1), "a", "x", "", ""), "b", "y", "", "")`:
 * exact PromQL for "only the series with these label values", whatever the query is.
 */
export function narrowToSeries(query: string, labels: Record<string, string>): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return query;
  const one = names.reduce(
    (expr, name) => `label_replace(${expr}, ${JSON.stringify(name)}, ${JSON.stringify(labels[name])}, "", "")`,
    "vector(1)",
  );
  return `(${query}) and on(${names.join(", ")}) ${one}`;
}

/** The series' own labels: the rule's labels and the no-data marker are not in the data. */
export function seriesLabels(labels: Record<string, string>, ruleLabels: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(labels).filter(([k, v]) => ruleLabels[k] !== v && !(k === "alertstate" && v === "nodata")),
  );
}

/**
 * The Explore URL (path and query) for an incident: from half an hour before it started to a
 * quarter of an hour after it ended. An open incident's window reaches past now, so Explore
 * keeps showing the newest values until then.
 */
export function drilldownPath(slug: string, d: DrilldownInput): string {
  const now = d.now ?? Date.now();
  const from = d.startedAt.getTime() - BEFORE_MS;
  const to = Math.max((d.endedAt?.getTime() ?? now) + AFTER_MS, from + 2 * BEFORE_MS);
  const q = narrowToSeries(d.query, seriesLabels(d.labels, d.ruleLabels));
  return `/${slug}/explore?${new URLSearchParams({ q, range: "1h", from: String(from), to: String(to) })}`;
}
