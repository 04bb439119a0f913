// PromQL text → AST, with the official grammar (@prometheus-io/lezer-promql) for syntax and
// Prometheus' own semantic checks (argument types, modifiers' placement) on top (pure).
import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { typeOf, COMPARISON_OPS, SET_OPS, type At, type BinaryOp, type Expr, type VectorExpr } from "./ast";
import { parseDuration } from "./duration";
import { AGGREGATION_PARAM, AGGREGATIONS, FUNCTIONS, type AggregationOp, type ValueType } from "./functions";
import { matchesValue, PromQLParseError, unquote, type MatchOp, type Matcher } from "./selector";

const fail = (message: string): never => {
  throw new PromQLParseError(message);
};

class Converter {
  constructor(private readonly q: string) {}

  private text(n: SyntaxNode) {
    return this.q.slice(n.from, n.to);
  }

  private children(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }

  private duration(n: SyntaxNode | null): number {
    const ms = n ? parseDuration(this.text(n)) : null;
    if (ms === null) return fail(`bad duration "${n ? this.text(n) : ""}"`);
    if (ms === 0) return fail("duration must be greater than 0");
    return ms;
  }

  private number(n: SyntaxNode): number {
    const t = this.text(n).toLowerCase();
    if (t === "inf" || t === "+inf") return Infinity;
    if (t === "-inf") return -Infinity;
    if (t === "nan") return NaN;
    const v = /^0x[0-9a-f]+$/.test(t) ? parseInt(t, 16) : Number(t);
    return Number.isNaN(v) ? fail(`bad number "${this.text(n)}"`) : v;
  }

  expr(n: SyntaxNode): Expr {
    switch (n.name) {
      case "ParenExpr": {
        // Kept for printing (format_query) and for the checks that refuse parenthesised operands.
        const inner = this.expr(this.children(n)[0]);
        return { ...inner, parens: (inner.parens ?? 0) + 1 };
      }
      case "NumberLiteral":
        return { type: "number", value: this.number(n) };
      case "StringLiteral":
        return { type: "string", value: unquote(this.text(n)) };
      case "VectorSelector":
        return this.vector(n);
      case "MatrixSelector": {
        const [inner, dur] = this.children(n);
        const vector = this.expr(inner);
        if (vector.type !== "vector" || vector.parens) return fail("ranges only allowed for vector selectors");
        if (vector.offsetMs || vector.at !== undefined) return fail("no offset or @ modifiers allowed before range");
        return { type: "matrix", vector, rangeMs: this.duration(dur) };
      }
      case "SubqueryExpr": {
        const [inner, range, step] = this.children(n);
        const expr = this.expr(inner);
        if (typeOf(expr) !== "vector") return fail(`subquery is only allowed on instant vector, got ${typeOf(expr)}`);
        return {
          type: "subquery",
          expr,
          rangeMs: this.duration(range),
          stepMs: step ? this.duration(step) : undefined,
          offsetMs: 0,
        };
      }
      case "OffsetExpr":
        return this.offset(n);
      case "StepInvariantExpr":
        return this.at(n);
      case "UnaryExpr": {
        const [op, inner] = this.children(n);
        const expr = this.expr(inner);
        const t = typeOf(expr);
        if (t !== "scalar" && t !== "vector")
          return fail(`unary expression only allowed on expressions of type scalar or instant vector, got ${t}`);
        // Like Prometheus, a sign on a bare number literal folds into the number.
        if (expr.type === "number" && !expr.parens)
          return { type: "number", value: this.text(op) === "-" ? -expr.value : expr.value };
        return { type: "unary", op: this.text(op) as "-" | "+", expr };
      }
      case "FunctionCall":
        return this.call(n);
      case "AggregateExpr":
        return this.aggregate(n);
      case "BinaryExpr":
        return this.binary(n);
      default:
        return fail(`unsupported expression "${this.text(n)}"`);
    }
  }

  private vector(n: SyntaxNode): VectorExpr {
    const matchers: Matcher[] = [];
    const id = n.getChild("Identifier");
    if (id) matchers.push({ name: "__name__", op: "=", value: this.text(id) });
    for (const m of n.getChild("LabelMatchers")?.getChildren("LabelMatcher") ?? []) {
      const [label, op, value] = [m.getChild("LabelName"), m.getChild("MatchOp"), m.getChild("StringLiteral")];
      if (!label || !op || !value) return fail(`incomplete label matcher "${this.text(m)}"`);
      const matcher = { name: this.text(label), op: this.text(op) as MatchOp, value: unquote(this.text(value)) };
      if (id && matcher.name === "__name__")
        return fail(`metric name must not be set twice: "${this.text(id)}" or "${matcher.value}"`);
      matchers.push(matcher);
    }
    if (!matchers.some((m) => !matchesValue(m, "")))
      return fail("vector selector must contain at least one non-empty matcher");
    return { type: "vector", name: id ? this.text(id) : undefined, matchers, offsetMs: 0 };
  }

  private offset(n: SyntaxNode): Expr {
    const [inner, , ...rest] = this.children(n);
    const negative = rest.length === 2 && this.text(rest[0]) === "-";
    const ms = this.duration(rest[rest.length - 1]) * (negative ? -1 : 1);
    const expr = this.expr(inner);
    if (expr.type === "matrix" && !expr.parens) {
      if (expr.vector.offsetMs) return fail("offset may not be set multiple times");
      return { ...expr, vector: { ...expr.vector, offsetMs: ms } };
    }
    if ((expr.type !== "vector" && expr.type !== "subquery") || expr.parens)
      return fail(
        "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery",
      );
    if (expr.offsetMs) return fail("offset may not be set multiple times");
    return { ...expr, offsetMs: ms };
  }

  private at(n: SyntaxNode): Expr {
    const [inner, , value] = this.children(n);
    const expr = this.expr(inner);
    let at: At;
    if (value.name === "NumberLiteral") at = Math.round(this.number(value) * 1000);
    else {
      const fn = this.text(value).replace(/\(\s*\)$/, "");
      if (fn !== "start" && fn !== "end")
        return fail(`@ modifier must be a number, start() or end(), got "${this.text(value)}"`);
      at = fn;
    }
    const target = expr.type === "matrix" ? expr.vector : expr;
    if ((target.type !== "vector" && target.type !== "subquery") || expr.parens)
      return fail("@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    if (target.at !== undefined) return fail("@ <timestamp> may not be set multiple times");
    return expr.type === "matrix" ? { ...expr, vector: { ...expr.vector, at } } : { ...target, at };
  }

  private args(body: SyntaxNode | null): Expr[] {
    return body ? this.children(body).map((c) => this.expr(c)) : [];
  }

  private call(n: SyntaxNode): Expr {
    const name = this.text(n.getChild("FunctionIdentifier")!);
    const sig = FUNCTIONS[name] ?? fail(`unknown function with name "${name}"`);
    const args = this.args(n.getChild("FunctionCallBody"));
    const min = sig.args.length - (sig.optional ?? 0);
    if (args.length < min || (!sig.variadic && args.length > sig.args.length)) {
      return fail(
        `expected ${sig.optional ? `at most ${sig.args.length}` : sig.args.length} argument(s) in call to "${name}", got ${args.length}`,
      );
    }
    args.forEach((a, i) =>
      this.expectType(a, sig.args[Math.min(i, sig.args.length - 1)], `call to function "${name}"`),
    );
    // The table's own key, not the query's substring: V8 compares and looks up interned
    // strings by pointer, and evaluation compares the name once per window.
    return { type: "call", func: FUNCTION_NAMES.get(name)!, args };
  }

  private expectType(e: Expr, want: ValueType, context: string) {
    const got = typeOf(e);
    if (got !== want) fail(`expected type ${label(want)} in ${context}, got ${label(got)}`);
  }

  private aggregate(n: SyntaxNode): Expr {
    const op = this.text(n.getChild("AggregateOp")!).toLowerCase() as AggregationOp;
    if (!AGGREGATIONS.includes(op)) return fail(`unknown aggregation "${op}"`);
    const modifier = n.getChild("AggregateModifier");
    const grouping =
      modifier
        ?.getChild("GroupingLabels")
        ?.getChildren("LabelName")
        .map((l) => this.text(l)) ?? [];
    const without = !!modifier?.getChild("Without");
    const args = this.args(n.getChild("FunctionCallBody"));
    const paramType = AGGREGATION_PARAM[op];
    if (args.length !== (paramType ? 2 : 1))
      return fail(
        `wrong number of arguments for aggregate expression provided, expected ${paramType ? 2 : 1}, got ${args.length}`,
      );
    const expr = args[args.length - 1];
    this.expectType(expr, "vector", "aggregation expression");
    if (paramType) this.expectType(args[0], paramType, "aggregation parameter");
    return { type: "aggregate", op, expr, param: paramType ? args[0] : undefined, grouping, without };
  }

  private binary(n: SyntaxNode): Expr {
    const parts = this.children(n);
    const op = this.text(parts[1]).toLowerCase() as BinaryOp;
    // The grammar lexes "-1" as one number, but "^" binds tighter than unary minus: -1 ^ 2 is -(1 ^ 2).
    const sign = op === "^" && parts[0].name === "NumberLiteral" ? /^[+-]/.exec(this.text(parts[0]))?.[0] : undefined;
    if (sign) {
      const magnitude: Expr = { type: "number", value: Math.abs(this.number(parts[0])) };
      return { type: "unary", op: sign as "-" | "+", expr: this.binaryOf(parts, magnitude) };
    }
    return this.binaryOf(parts, this.expr(parts[0]));
  }

  private binaryOf(parts: SyntaxNode[], lhs: Expr): Expr {
    const rhs = this.expr(parts[parts.length - 1]);
    const op = this.text(parts[1]).toLowerCase() as BinaryOp;
    const bool = parts.some((p) => p.name === "BoolModifier");
    const clause = parts.find((p) => p.name === "MatchingModifierClause");
    const [lt, rt] = [typeOf(lhs), typeOf(rhs)];
    for (const t of [lt, rt])
      if (t !== "scalar" && t !== "vector") fail(`binary expression must contain only scalar and instant vector types`);
    if (bool && !COMPARISON_OPS.has(op)) fail("bool modifier can only be used on comparison operators");
    if (COMPARISON_OPS.has(op) && lt === "scalar" && rt === "scalar" && !bool)
      fail("comparisons between scalars must use BOOL modifier");
    if (SET_OPS.has(op) && (lt === "scalar" || rt === "scalar"))
      fail(`set operator "${op}" not allowed in binary scalar expression`);
    const expr: Expr = { type: "binary", op, lhs, rhs, bool };
    if (lt === "vector" && rt === "vector") {
      const on = clause?.getChild("On") !== null && clause?.getChild("On") !== undefined;
      const groupings = clause?.getChildren("GroupingLabels") ?? [];
      const names = (g?: SyntaxNode) => g?.getChildren("LabelName").map((l) => this.text(l)) ?? [];
      const left = clause?.getChild("GroupLeft");
      const right = clause?.getChild("GroupRight");
      const card = SET_OPS.has(op) ? "many-to-many" : left ? "many-to-one" : right ? "one-to-many" : "one-to-one";
      if (SET_OPS.has(op) && (left || right)) fail(`no grouping allowed for "${op}" operation`);
      expr.matching = {
        card,
        on,
        labels: clause ? names(groupings[0]) : [],
        include: left || right ? names(groupings[1]) : [],
      };
    } else if (clause) {
      fail("vector matching only allowed between instant vectors");
    }
    return expr;
  }
}

const label = (t: ValueType) => (t === "vector" ? "instant vector" : t === "matrix" ? "range vector" : t);

const FUNCTION_NAMES = new Map(Object.keys(FUNCTIONS).map((name) => [name, name]));

/** Parses a PromQL expression; PromQLParseError (Prometheus errorType bad_data) when invalid. */
export function parsePromQL(query: string): Expr {
  if (query.trim() === "") return fail("no expression found in input");
  const tree = parser.parse(query);
  let error: SyntaxNode | null = null;
  tree.iterate({ enter: (n) => (error ? false : n.type.isError ? ((error = n.node), false) : undefined) });
  if (error) {
    const at = (error as SyntaxNode).from;
    // The grammar knows functions by name, so an unknown one surfaces as a syntax error at "(".
    const called = query.slice(0, at + 1).match(/([a-zA-Z_][a-zA-Z0-9_]*)\s*\($/)?.[1];
    if (called && !FUNCTIONS[called] && !(AGGREGATIONS as readonly string[]).includes(called)) {
      return fail(`unknown function with name "${called}"`);
    }
    return fail(`parse error at char ${at + 1}: unexpected input`);
  }

  const root = tree.topNode.firstChild ?? fail("no expression found in input");
  return new Converter(query).expr(root);
}

/** The matchers of a query that must be exactly one series selector (match[] parameters). */
export function parseSelector(query: string): Matcher[] {
  const expr = parsePromQL(query);
  if (expr.type !== "vector") return fail(`expected a series selector such as up{job="api"}, got "${query}"`);
  return expr.matchers;
}
