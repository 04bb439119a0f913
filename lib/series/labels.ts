// A series is identified by its full label set, metric name included as __name__.
// The canonical form (labels sorted by name) is hashed, so the same set always maps to
// the same dictionary row whatever order a sender used.
import { createHash } from "node:crypto";

export type Labels = Record<string, string>;

export function canonicalLabels(metricName: string, labels: Labels): Labels {
  const all: Labels = { ...labels, __name__: metricName };
  return Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((k) => [k, all[k]]),
  );
}

export function labelsHash(canonical: Labels): Buffer {
  // Separators that cannot occur unescaped in JSON strings keep "a=b,c" and "a=b" + "c" distinct.
  return createHash("sha256")
    .update(JSON.stringify(Object.entries(canonical)))
    .digest();
}
