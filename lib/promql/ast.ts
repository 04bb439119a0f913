// The PromQL syntax tree Telltale evaluates, modelled on Prometheus' parser/ast.go.
import type { AggregationOp, ValueType } from "./functions";
import type { Matcher } from "./selector";

export type At = number | "start" | "end"; // milliseconds since the epoch, or start()/end()

/** `parens`: how many pairs of parentheses the query wrapped the node in (printing only). */
export type Expr = (
  | { type: "number"; value: number }
  | { type: "string"; value: string }
  | { type: "vector"; name?: string; matchers: Matcher[]; offsetMs: number; at?: At }
  | { type: "matrix"; vector: VectorExpr; rangeMs: number }
  | { type: "subquery"; expr: Expr; rangeMs: number; stepMs?: number; offsetMs: number; at?: At }
  | { type: "call"; func: string; args: Expr[] }
  | { type: "aggregate"; op: AggregationOp; expr: Expr; param?: Expr; grouping: string[]; without: boolean }
  | { type: "binary"; op: BinaryOp; lhs: Expr; rhs: Expr; bool: boolean; matching?: VectorMatching }
  | { type: "unary"; op: "-" | "+"; expr: Expr }
) & { parens?: number };

export type VectorExpr = Extract<Expr, { type: "vector" }>;

export type BinaryOp =
  "+" | "-" | "*" | "/" | "%" | "^" | "==" | "!=" | ">" | "<" | ">=" | "<=" | "and" | "or" | "unless" | "atan2";

export type VectorMatching = {
  card: "one-to-one" | "many-to-one" | "one-to-many" | "many-to-many";
  on: boolean;
  labels: string[];
  include: string[];
};

export const COMPARISON_OPS = new Set<BinaryOp>(["==", "!=", ">", "<", ">=", "<="]);
export const SET_OPS = new Set<BinaryOp>(["and", "or", "unless"]);

/** The value type an expression produces (Prometheus' Type()). */
export function typeOf(e: Expr): ValueType {
  switch (e.type) {
    case "number":
      return "scalar";
    case "string":
      return "string";
    case "vector":
      return "vector";
    case "matrix":
    case "subquery":
      return "matrix";
    case "call":
      return e.func === "scalar" || e.func === "time" || e.func === "pi" ? "scalar" : "vector";
    case "aggregate":
      return "vector";
    case "binary":
      return typeOf(e.lhs) === "scalar" && typeOf(e.rhs) === "scalar" ? "scalar" : "vector";
    case "unary":
      return typeOf(e.expr);
  }
}
