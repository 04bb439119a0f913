// A series' name in a panel's legend (pure): the panel's template, e.g. "{{service}} {{route}}",
// filled from the labels, or the labels as Prometheus prints them when there is no template.
export function legendName(labels: Record<string, string>, template: string): string {
  if (template.trim()) return template.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_m, k) => labels[k] ?? "");
  const { __name__: name = "", ...rest } = labels;
  const pairs = Object.entries(rest)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}="${v}"`);
  return pairs.length ? `${name}{${pairs.join(", ")}}` : name || "{}";
}
