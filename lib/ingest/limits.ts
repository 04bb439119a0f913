// Ingest limits and validation rules shared by every protocol (pure).
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export type IngestLimits = {
  maxPastMs: number;
  maxFutureMs: number;
  maxLabels: number;
  maxLabelValueLength: number;
};

/** A reason an item is refused: `code` for metrics, `reason` for the sender. */
export type Problem = { code: string; reason: string };
export type Rejection = Problem & { index: number };

const problem = (code: string, reason: string): Problem => ({ code, reason });

/** PostgreSQL text and jsonb store neither NUL characters nor lone UTF-16 surrogates. */
export const isStorableText = (s: string) => !s.includes("\u0000") && s.isWellFormed();

/** True when any string (or key) inside `v` is not storable text. */
export function hasUnstorableText(v: unknown, depth = 0): boolean {
  if (typeof v === "string") return !isStorableText(v);
  if (depth > 32 || v === null || typeof v !== "object") return false;
  return Object.entries(v).some(([k, x]) => !isStorableText(k) || hasUnstorableText(x, depth + 1));
}

export const textProblem: Problem = {
  code: "invalid_text",
  reason: "text must be valid Unicode without NUL characters",
};

/** Why a series' name and labels are not acceptable, or null. */
export function labelProblem(name: string, labels: Record<string, unknown>, limits: IngestLimits): Problem | null {
  if (!METRIC_NAME.test(name))
    return problem("invalid_metric_name", `metric name '${name}' is not a valid Prometheus metric name`);
  const keys = Object.keys(labels);
  if (keys.length > limits.maxLabels)
    return problem("too_many_labels", `too many labels (${keys.length} > ${limits.maxLabels})`);
  for (const k of keys) {
    if (!LABEL_NAME.test(k) || k.startsWith("__")) {
      return problem("invalid_label_name", `label name '${k}' is not a valid Prometheus label name`);
    }
    const v = labels[k];
    if (typeof v !== "string") return problem("invalid_label_value", `label '${k}' must have a string value`);
    if (!isStorableText(v)) return textProblem;
    if (v.length > limits.maxLabelValueLength) {
      return problem("invalid_label_value", `label '${k}' is longer than ${limits.maxLabelValueLength} characters`);
    }
  }
  return null;
}

/** Why a timestamp (ms since the epoch) is not acceptable, or null. */
export function timeProblem(t: number, now: number, limits: IngestLimits): Problem | null {
  if (!Number.isFinite(t)) return problem("invalid_timestamp", "timestamp is not a number");
  if (t < now - limits.maxPastMs)
    return problem("too_old", `timestamp ${new Date(t).toISOString()} is older than the accepted window`);
  if (t > now + limits.maxFutureMs)
    return problem("too_new", `timestamp ${new Date(t).toISOString()} is too far in the future`);
  return null;
}

/** Parses epoch milliseconds or an RFC 3339 string; NaN when neither. */
export function toMillis(t: unknown): number {
  if (typeof t === "number") return t;
  if (typeof t === "string" && /^\d{4}-\d{2}-\d{2}T/.test(t)) return Date.parse(t);
  return NaN;
}
