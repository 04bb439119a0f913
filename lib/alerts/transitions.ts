// The incident state machine of one rule evaluation (pure): from what the query returned
// and the rule's open incidents, the transitions to apply. One incident per series
// (fingerprint); `for` holds a breach in pending before it fires; a series back inside
// the threshold resolves its incident (a pending one is cleared without notice).
export type Comparator = ">" | ">=" | "<" | "<=" | "==" | "!=";
export type OpenState = "pending" | "firing" | "acknowledged";
export type Open = { fingerprint: string; state: OpenState; startedAt: number };
export type Observed = { fingerprint: string; labels: Record<string, string>; value: number };

export type Transition =
  | { kind: "pending" | "firing"; fingerprint: string; labels: Record<string, string>; value: number; isNew: boolean }
  | { kind: "still"; fingerprint: string; value: number }
  | { kind: "resolved" | "cleared"; fingerprint: string };

export function breaches(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
    case "==":
      return value === threshold;
    case "!=":
      return value !== threshold;
  }
}

export function transitions(
  rule: { comparator: Comparator; threshold: number; forSeconds: number },
  observed: Observed[],
  open: Open[],
  now: number,
): Transition[] {
  const out: Transition[] = [];
  const openBy = new Map(open.map((o) => [o.fingerprint, o]));
  const breaching = new Set<string>();
  for (const o of observed) {
    if (!breaches(o.value, rule.comparator, rule.threshold)) continue;
    breaching.add(o.fingerprint);
    const current = openBy.get(o.fingerprint);
    const held = (since: number) => now - since >= rule.forSeconds * 1000;
    if (!current) {
      out.push({
        kind: held(now) ? "firing" : "pending",
        fingerprint: o.fingerprint,
        labels: o.labels,
        value: o.value,
        isNew: true,
      });
    } else if (current.state === "pending" && held(current.startedAt)) {
      out.push({ kind: "firing", fingerprint: o.fingerprint, labels: o.labels, value: o.value, isNew: false });
    } else {
      out.push({ kind: "still", fingerprint: o.fingerprint, value: o.value });
    }
  }
  for (const o of open) {
    if (breaching.has(o.fingerprint)) continue;
    out.push({ kind: o.state === "pending" ? "cleared" : "resolved", fingerprint: o.fingerprint });
  }
  return out;
}

/** A stable identity for a label set: sorted pairs. */
export const fingerprintOf = (labels: Record<string, string>) =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** {{ $labels.name }} and {{ $value }} in annotation templates, as Prometheus writes them. */
export function renderTemplate(template: string, labels: Record<string, string>, value: number): string {
  return template.replace(/\{\{\s*\$(labels\.([a-zA-Z_][a-zA-Z0-9_]*)|value)\s*\}\}/g, (_m, _all, name) =>
    name ? (labels[name] ?? "") : String(value),
  );
}
