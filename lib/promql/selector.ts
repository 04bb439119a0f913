// Label matchers of series selectors (`up{job="api", instance=~"a.*"}`), matched the way
// Prometheus matches them (pure). Parsing lives in parse.ts.

export type MatchOp = "=" | "!=" | "=~" | "!~";
export type Matcher = { name: string; op: MatchOp; value: string };

/** Prometheus' own error type for queries that do not parse. */
export class PromQLParseError extends Error {
  readonly errorType = "bad_data";
}

/** Go string literal → JS string: "…" and '…' with escapes, `…` raw. */
export function unquote(literal: string): string {
  const q = literal[0];
  const body = literal.slice(1, -1);
  if (q === "`") return body;
  const json = q === "'" ? `"${body.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"')}"` : literal;
  try {
    return JSON.parse(json) as string;
  } catch {
    throw new PromQLParseError(`invalid string literal ${literal}`);
  }
}

const regexCache = new Map<string, RegExp>();
function anchored(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(`^(?:${pattern})$`, "s");
    } catch {
      throw new PromQLParseError(`invalid regular expression ${JSON.stringify(pattern)}`);
    }
    if (regexCache.size > 10_000) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

/** Whether a label value (absent labels are "") satisfies a matcher. Regexes are fully anchored. */
export function matchesValue(m: Matcher, value: string): boolean {
  switch (m.op) {
    case "=":
      return value === m.value;
    case "!=":
      return value !== m.value;
    case "=~":
      return anchored(m.value).test(value);
    case "!~":
      return !anchored(m.value).test(value);
  }
}

export const matchesAll = (labels: Record<string, string>, matchers: Matcher[]) =>
  matchers.every((m) => matchesValue(m, labels[m.name] ?? ""));
