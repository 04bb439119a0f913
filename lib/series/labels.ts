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

/**
 * The canonical label set as one string: the series' identity. Entries are JSON-encoded,
 * so "a=b,c" and "a=b" + "c" cannot collide.
 */
export const labelSetKey = (metricName: string, labels: Labels) =>
  JSON.stringify(Object.entries(canonicalLabels(metricName, labels)));

export const labelSetKeyHash = (key: string): Buffer => createHash("sha256").update(key).digest();
