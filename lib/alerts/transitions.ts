// The incident state machine of one rule evaluation (pure): from what the query returned
// and the rule's open incidents, the transitions to apply. One incident per series
// (fingerprint); `for` holds a breach in pending before it fires; a series back inside the
// threshold by the recovery margin, for `recoveryEvaluations` evaluations in a row, resolves
// its incident (a pending one is cleared without notice); inside but within the margin holds
// it. A series without data counts as recovered ("ok"), unchanged ("keep") or breaching
// ("alert"); with "alert", a query returning nothing at all is itself an incident.
export type Comparator = ">" | ">=" | "<" | "<=" | "==" | "!=";
export type OpenState = "pending" | "firing" | "acknowledged";
export type Open = { fingerprint: string; state: OpenState; startedAt: number; okStreak?: number };
export type NoDataPolicy = "ok" | "keep" | "alert";
export type RuleLogic = {
  comparator: Comparator;
  threshold: number;
  forSeconds: number;
  recoveryMargin?: number;
  recoveryEvaluations?: number;
  noData?: NoDataPolicy;
};
/** A series now: `value` is what people see; `measure`, when the kind derives one (a percent
 * change, a distance from the baseline in σ, seconds absent), is what the comparator tests. */
export type Observed = { fingerprint: string; labels: Record<string, string>; value: number; measure?: number };
const tested = (o: Observed) => o.measure ?? o.value;

export type Transition =
  | { kind: "pending" | "firing"; fingerprint: string; labels: Record<string, string>; value: number; isNew: boolean }
  | { kind: "still"; fingerprint: string; value: number | null }
  | { kind: "recovering"; fingerprint: string; okStreak: number; value: number | null }
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

/** Back inside the threshold by at least the margin (the margin applies to orderings only). */
function recovered(value: number, rule: RuleLogic): boolean {
  if (breaches(value, rule.comparator, rule.threshold)) return false;
  const m = rule.recoveryMargin ?? 0;
  if (rule.comparator === ">" || rule.comparator === ">=") return value <= rule.threshold - m;
  if (rule.comparator === "<" || rule.comparator === "<=") return value >= rule.threshold + m;
  return true;
}

/** The labels of the incident a query returning nothing raises under the "alert" policy. */
export const NO_DATA_LABELS = { alertstate: "nodata" };

export function transitions(rule: RuleLogic, observed: Observed[], open: Open[], now: number): Transition[] {
  const out: Transition[] = [];
  const noData = rule.noData ?? "ok";
  const seen = new Map(observed.map((o) => [o.fingerprint, o]));
  const openBy = new Map(open.map((o) => [o.fingerprint, o]));
  const held = (since: number) => now - since >= rule.forSeconds * 1000;
  const breach = (fingerprint: string, labels: Record<string, string>, value: number) => {
    const current = openBy.get(fingerprint);
    if (!current) out.push({ kind: held(now) ? "firing" : "pending", fingerprint, labels, value, isNew: true });
    else if (current.state === "pending" && held(current.startedAt))
      out.push({ kind: "firing", fingerprint, labels, value, isNew: false });
    else out.push({ kind: "still", fingerprint, value });
  };

  for (const o of observed)
    if (breaches(tested(o), rule.comparator, rule.threshold)) breach(o.fingerprint, o.labels, o.value);
  if (observed.length === 0 && noData === "alert") breach(fingerprintOf(NO_DATA_LABELS), NO_DATA_LABELS, NaN);

  for (const o of open) {
    const current = seen.get(o.fingerprint);
    if (current && breaches(tested(current), rule.comparator, rule.threshold)) continue;
    if (!current) {
      if (o.fingerprint === fingerprintOf(NO_DATA_LABELS)) {
        if (observed.length === 0) continue; // still no data: handled above
        // Data is back: the no-data incident recovers below.
      } else if (noData === "keep") {
        out.push({ kind: "still", fingerprint: o.fingerprint, value: null });
        continue;
      } else if (noData === "alert") {
        breach(o.fingerprint, {}, NaN);
        continue;
      }
    }
    // Inside the threshold but not past the margin: neither breaching nor recovered; hold.
    if (current && !recovered(tested(current), rule)) {
      out.push({ kind: "still", fingerprint: o.fingerprint, value: current.value });
      continue;
    }
    const okStreak = (o.okStreak ?? 0) + 1;
    if (o.state === "pending") out.push({ kind: "cleared", fingerprint: o.fingerprint });
    else if (okStreak >= (rule.recoveryEvaluations ?? 1)) out.push({ kind: "resolved", fingerprint: o.fingerprint });
    else out.push({ kind: "recovering", fingerprint: o.fingerprint, okStreak, value: current?.value ?? null });
  }
  return out;
}

/** Flapping: re-firing this often in the window means the series is bouncing on the threshold. */
export const FLAP_WINDOW_MS = 10 * 60_000;
export const FLAP_FIRINGS = 3;

/** True when, with this firing, the series fired FLAP_FIRINGS times within the window. */
export const isFlapping = (earlierFirings: number[], at: number) =>
  earlierFirings.filter((t) => at - t < FLAP_WINDOW_MS).length + 1 >= FLAP_FIRINGS;

/** A stable identity for a label set: sorted pairs. */
export const fingerprintOf = (labels: Record<string, string>) =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** {{ $labels.name }} and {{ $value }} in annotation templates, as Prometheus writes them. */
export function renderTemplate(template: string, labels: Record<string, string>, value: number): string {
  return template.replace(/\{\{\s*\$(labels\.([a-zA-Z_][a-zA-Z0-9_]*)|value)\s*\}\}/g, (_m, _all, name) =>
    name ? (labels[name] ?? "") : String(value),
  );
}
