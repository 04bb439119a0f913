// Drill-down rewrites of a PromQL query (pure, on the syntax tree): narrowed to one series'
// labels, and broken down by another label — as a person would edit the query by hand.
import type { Expr, VectorExpr } from "@/lib/promql/ast";
import { typeOf } from "@/lib/promql/ast";
import { parsePromQL } from "@/lib/promql/parse";
import { exprToString } from "@/lib/promql/print";

/** Calls a function on every expression of the tree, children first, rebuilding it. */
function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  const m = (x: Expr) => mapExpr(x, f);
  switch (e.type) {
    case "matrix":
      return f({ ...e, vector: m(e.vector) as VectorExpr });
    case "subquery":
      return f({ ...e, expr: m(e.expr) });
    case "call":
      return f({ ...e, args: e.args.map(m) });
    case "aggregate":
      return f({ ...e, expr: m(e.expr), param: e.param && m(e.param) });
    case "binary":
      return f({ ...e, lhs: m(e.lhs), rhs: m(e.rhs) });
    case "unary":
      return f({ ...e, expr: m(e.expr) });
    default:
      return f(e);
  }
}

/** Every series selector reads only series with these label values. */
export function narrow(e: Expr, labels: Record<string, string>): Expr {
  const extra = Object.entries(labels).map(([name, value]) => ({ name, op: "=" as const, value }));
  if (extra.length === 0) return e;
  return mapExpr(e, (x) => {
    if (x.type !== "vector") return x;
    const kept = x.matchers.filter((m) => !extra.some((n) => n.name === m.name && n.value === m.value && m.op === "="));
    return { ...x, matchers: [...kept, ...extra] };
  });
}

/** The same query with its result split by `label`: top-level aggregations (on both sides of
 *  a ratio) group by it; a query without one is summed by it. */
export function breakDown(e: Expr, label: string): Expr {
  if (e.type === "aggregate" && ["sum", "avg", "min", "max", "count", "group", "stddev", "stdvar"].includes(e.op))
    return { ...e, grouping: [label], without: false };
  if (e.type === "binary" && typeOf(e.lhs) === "vector" && typeOf(e.rhs) === "vector")
    return { ...e, lhs: breakDown(e.lhs, label), rhs: breakDown(e.rhs, label), matching: undefined };
  if (e.type === "binary" && typeOf(e.lhs) === "vector") return { ...e, lhs: breakDown(e.lhs, label) };
  if (e.type === "binary" && typeOf(e.rhs) === "vector") return { ...e, rhs: breakDown(e.rhs, label) };
  return { type: "aggregate", op: "sum", expr: e, grouping: [label], without: false };
}

/** The series selectors a query reads (as text), e.g. for their label names or raw samples. */
export function selectors(e: Expr): string[] {
  const found = new Set<string>();
  mapExpr(e, (x) => {
    if (x.type === "vector") found.add(exprToString({ ...x, offsetMs: 0, at: undefined, parens: 0 }));
    return x;
  });
  return [...found];
}

/** The query text narrowed to `labels` and, when `by` is given, broken down by it. */
export function drillQuery(query: string, labels: Record<string, string>, by?: string): string {
  const narrowed = narrow(parsePromQL(query), labels);
  return exprToString(by ? breakDown(narrowed, by) : narrowed);
}
