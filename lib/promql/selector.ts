// Series selectors (`up{job="api", instance=~"a.*"}`), parsed with the official PromQL
// grammar (@prometheus-io/lezer-promql) and matched the way Prometheus matches (pure).
import { parser } from "@prometheus-io/lezer-promql";
import type { SyntaxNode } from "@lezer/common";

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

const text = (q: string, n: SyntaxNode) => q.slice(n.from, n.to);

/** The matchers of one vector selector; the metric name becomes a __name__ matcher. */
export function parseSelector(query: string): Matcher[] {
  const tree = parser.parse(query);
  let error: SyntaxNode | null = null;
  tree.iterate({ enter: (n) => (n.type.isError ? ((error = n.node), false) : undefined) });
  if (error)
    throw new PromQLParseError(`parse error at char ${(error as SyntaxNode).from + 1}: unexpected input in "${query}"`);
  const expr = tree.topNode.firstChild;
  if (!expr || expr.name !== "VectorSelector" || expr.nextSibling) {
    throw new PromQLParseError(`expected a series selector such as up{job="api"}, got "${query}"`);
  }
  const matchers: Matcher[] = [];
  const name = expr.getChild("Identifier");
  if (name) matchers.push({ name: "__name__", op: "=", value: text(query, name) });
  for (const m of expr.getChild("LabelMatchers")?.getChildren("LabelMatcher") ?? []) {
    const label = m.getChild("LabelName");
    const op = m.getChild("MatchOp");
    const value = m.getChild("StringLiteral");
    if (!label || !op || !value) throw new PromQLParseError(`incomplete label matcher in "${query}"`);
    matchers.push({ name: text(query, label), op: text(query, op) as MatchOp, value: unquote(text(query, value)) });
  }
  // Prometheus refuses selectors that would match every series.
  if (!matchers.some((m) => !matchesValue(m, ""))) {
    throw new PromQLParseError("vector selector must contain at least one non-empty matcher");
  }
  return matchers;
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
