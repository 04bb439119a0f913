/** {a="1", b="2"}: a label set as people read it in Prometheus tools. */
export const labelText = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ")}}`;
