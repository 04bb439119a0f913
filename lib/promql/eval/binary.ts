// Binary operators between scalars and vectors, with Prometheus' vector matching (pure).
import { COMPARISON_OPS, SET_OPS, type BinaryOp, type Expr, type VectorMatching } from "../ast";
import type { Evaluator, Instant } from "./evaluator";
import { dropName, PromQLExecutionError, signature, type Labels, type Sample } from "./types";

type BinaryExpr = Extract<Expr, { type: "binary" }>;

/** The value of `l op r`, or undefined when a comparison filters the element out. */
export function applyOp(op: BinaryOp, l: number, r: number, bool: boolean): number | undefined {
  switch (op) {
    case "+":
      return l + r;
    case "-":
      return l - r;
    case "*":
      return l * r;
    case "/":
      return l / r;
    case "%":
      return l % r;
    case "^":
      return Math.pow(l, r);
    case "atan2":
      return Math.atan2(l, r);
  }
  const holds =
    op === "=="
      ? l === r
      : op === "!="
        ? l !== r
        : op === ">"
          ? l > r
          : op === "<"
            ? l < r
            : op === ">="
              ? l >= r
              : op === "<="
                ? l <= r
                : false;
  if (bool) return holds ? 1 : 0;
  return holds ? l : undefined;
}

const dropsName = (op: BinaryOp, bool: boolean) => bool || !COMPARISON_OPS.has(op);

function matchKey(labels: Labels, m: VectorMatching): string {
  return m.on ? signature(labels, m.labels) : signature(labels, undefined, [...m.labels, "__name__"]);
}

function resultLabels(lhs: Labels, rhs: Labels, e: BinaryExpr, m: VectorMatching): Labels {
  let out: Labels = { ...(dropsName(e.op, e.bool) ? dropName(lhs) : lhs) };
  if (m.card === "one-to-one") {
    if (m.on) out = Object.fromEntries(Object.entries(out).filter(([k]) => m.labels.includes(k)));
    else for (const k of m.labels) delete out[k];
  }
  for (const k of m.include) {
    if (rhs[k] !== undefined && rhs[k] !== "") out[k] = rhs[k];
    else delete out[k];
  }
  return out;
}

function vectorVector(e: BinaryExpr, lhs: Sample[], rhs: Sample[], t: number): Sample[] {
  const m = e.matching!;
  if (SET_OPS.has(e.op)) {
    const rightKeys = new Set(rhs.map((s) => matchKey(s.labels, m)));
    if (e.op === "and") return lhs.filter((s) => rightKeys.has(matchKey(s.labels, m)));
    if (e.op === "unless") return lhs.filter((s) => !rightKeys.has(matchKey(s.labels, m)));
    const leftKeys = new Set(lhs.map((s) => matchKey(s.labels, m)));
    return [...lhs, ...rhs.filter((s) => !leftKeys.has(matchKey(s.labels, m)))];
  }
  // "one" is the side every match must be unique on; group_right swaps the roles.
  const swap = m.card === "one-to-many";
  const [many, one] = swap ? [rhs, lhs] : [lhs, rhs];
  const oneByKey = new Map<string, Sample>();
  for (const s of one) {
    const key = matchKey(s.labels, m);
    if (oneByKey.has(key)) {
      throw new PromQLExecutionError(
        m.card === "one-to-one"
          ? "many-to-many matching not allowed: matching labels must be unique on one side"
          : `found duplicate series for the match group on the ${swap ? "left" : "right"} hand-side of the operation`,
      );
    }
    oneByKey.set(key, s);
  }
  const out: Sample[] = [];
  const seen = new Map<string, string>();
  for (const s of many) {
    const key = matchKey(s.labels, m);
    const other = oneByKey.get(key);
    if (!other) continue;
    const [l, r] = swap ? [other, s] : [s, other];
    const value = applyOp(e.op, l.v, r.v, e.bool);
    if (value === undefined) continue;
    const labels = swap ? resultLabels(r.labels, l.labels, e, m) : resultLabels(l.labels, r.labels, e, m);
    const resultKey = signature(labels);
    if (m.card === "one-to-one" && seen.has(key)) {
      throw new PromQLExecutionError(
        "found duplicate series for the match group on the left hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side",
      );
    }
    if (m.card !== "one-to-one" && seen.get(resultKey) === "result") {
      throw new PromQLExecutionError("multiple matches for labels: grouping labels must ensure unique matches");
    }
    seen.set(key, "key");
    seen.set(resultKey, "result");
    out.push({ labels, t, v: value });
  }
  return out;
}

export function binary(ev: Evaluator, e: BinaryExpr, t: number): Instant {
  const lhs = ev.at(e.lhs, t);
  const rhs = ev.at(e.rhs, t);
  if (lhs.type === "scalar" && rhs.type === "scalar") {
    return { type: "scalar", v: applyOp(e.op, lhs.v, rhs.v, true)! };
  }
  if (lhs.type === "vector" && rhs.type === "vector")
    return { type: "vector", samples: vectorVector(e, lhs.samples, rhs.samples, t) };
  const vectorOnLeft = lhs.type === "vector";
  const vec = (vectorOnLeft ? lhs : rhs) as Extract<Instant, { type: "vector" }>;
  const scalar = (vectorOnLeft ? rhs : lhs) as Extract<Instant, { type: "scalar" }>;
  const out: Sample[] = [];
  for (const s of vec.samples) {
    const [l, r] = vectorOnLeft ? [s.v, scalar.v] : [scalar.v, s.v];
    let value = applyOp(e.op, l, r, e.bool);
    if (value === undefined) continue;
    // A filtering comparison keeps the vector element's own value.
    if (COMPARISON_OPS.has(e.op) && !e.bool) value = s.v;
    out.push({ labels: dropsName(e.op, e.bool) ? dropName(s.labels) : s.labels, t, v: value });
  }
  return { type: "vector", samples: out };
}
