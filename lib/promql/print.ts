// PromQL back to text the way Prometheus 2.42 prints it: String() of each node (one line)
// and Prettify() (format_query), which splits expressions longer than 100 characters.
import type { At, Expr } from "./ast";
import type { Matcher } from "./selector";

const MAX_LINE = 100;
const indent = (level: number) => "  ".repeat(level);

/** Go's fmt.Sprint(float64): shortest digits, exponent form below 1e-4 or from 1e6 on. */
export function goFloat(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const [mantissa, expText] = v.toExponential().split("e");
  const exp = Number(expText);
  // %v is %g at the shortest precision, for which Go switches to an exponent at 1e6.
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(v);
}

/** Go's strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const named: Record<string, string> = {
      '"': '\\"',
      "\\": "\\\\",
      "\x07": "\\a",
      "\b": "\\b",
      "\f": "\\f",
      "\n": "\\n",
      "\r": "\\r",
      "\t": "\\t",
      "\v": "\\v",
    };
    if (named[ch]) out += named[ch];
    else if (c === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += `\\U${c.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** Prometheus' model.Duration String(): 1h30m, 90d, 2w; years and weeks only when exact. */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  let rest = ms;
  let out = "";
  const units: [string, number, boolean][] = [
    ["y", 365 * 86_400_000, true],
    ["w", 7 * 86_400_000, true],
    ["d", 86_400_000, false],
    ["h", 3_600_000, false],
    ["m", 60_000, false],
    ["s", 1000, false],
    ["ms", 1, false],
  ];
  for (const [unit, size, exact] of units) {
    if (exact && rest % size !== 0) continue;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

const atText = (at?: At) =>
  at === undefined ? "" : at === "start" ? " @ start()" : at === "end" ? " @ end()" : ` @ ${(at / 1000).toFixed(3)}`;
const offsetText = (ms: number) =>
  ms > 0 ? ` offset ${formatDuration(ms)}` : ms < 0 ? ` offset -${formatDuration(-ms)}` : "";
const matcherText = (m: Matcher) => `${m.name}${m.op}${goQuote(m.value)}`;

function selectorText(e: Extract<Expr, { type: "vector" }>): string {
  const labels = e.matchers
    .filter((m) => !(m.name === "__name__" && m.op === "=" && m.value === e.name))
    .map(matcherText)
    .sort();
  return `${e.name ?? ""}${labels.length ? `{${labels.join(",")}}` : ""}`;
}

function aggregatePrefix(e: Extract<Expr, { type: "aggregate" }>): string {
  if (e.without) return `${e.op} without (${e.grouping.join(", ")}) `;
  return e.grouping.length ? `${e.op} by (${e.grouping.join(", ")}) ` : e.op;
}

function matchingText(e: Extract<Expr, { type: "binary" }>): string {
  const m = e.matching;
  if (!m || (!m.on && m.labels.length === 0)) return "";
  let out = ` ${m.on ? "on" : "ignoring"} (${m.labels.join(", ")})`;
  if (m.card === "many-to-one" || m.card === "one-to-many")
    out += ` group_${m.card === "many-to-one" ? "left" : "right"} (${m.include.join(", ")})`;
  return out;
}

const subquerySuffix = (e: Extract<Expr, { type: "subquery" }>) =>
  `[${formatDuration(e.rangeMs)}:${e.stepMs ? formatDuration(e.stepMs) : ""}]${atText(e.at)}${offsetText(e.offsetMs)}`;

/** One-line text of an expression (Prometheus' String()). */
export function exprToString(e: Expr): string {
  if (e.parens) return `(${exprToString({ ...e, parens: e.parens - 1 })})`;
  switch (e.type) {
    case "number":
      return goFloat(e.value);
    case "string":
      return goQuote(e.value);
    case "vector":
      return `${selectorText(e)}${atText(e.at)}${offsetText(e.offsetMs)}`;
    case "matrix":
      return `${selectorText(e.vector)}[${formatDuration(e.rangeMs)}]${atText(e.vector.at)}${offsetText(e.vector.offsetMs)}`;
    case "subquery":
      return `${exprToString(e.expr)}${subquerySuffix(e)}`;
    case "call":
      return `${e.func}(${e.args.map(exprToString).join(", ")})`;
    case "aggregate":
      return `${aggregatePrefix(e)}(${e.param ? `${exprToString(e.param)}, ` : ""}${exprToString(e.expr)})`;
    case "binary":
      return `${exprToString(e.lhs)} ${e.op}${e.bool ? " bool" : ""}${matchingText(e)} ${exprToString(e.rhs)}`;
    case "unary":
      return `${e.op}${exprToString(e.expr)}`;
  }
}

/** Prometheus' Prettify(): what /api/v1/format_query returns. */
export function prettify(e: Expr, level = 0): string {
  const oneLine = exprToString(e);
  if (e.parens) {
    if (oneLine.length <= MAX_LINE) return indent(level) + oneLine;
    return `${indent(level)}(\n${prettify({ ...e, parens: e.parens - 1 }, level + 1)}\n${indent(level)})`;
  }
  if (e.type === "subquery")
    return oneLine.length <= MAX_LINE ? oneLine : `${prettify(e.expr, level)}${subquerySuffix(e)}`;
  if (e.type === "unary") return `${indent(level)}${e.op}${prettify(e.expr, level).trim()}`;
  if (oneLine.length <= MAX_LINE) return indent(level) + oneLine;
  switch (e.type) {
    case "aggregate":
      return (
        `${indent(level)}${aggregatePrefix(e)}(\n` +
        (e.param ? `${prettify(e.param, level + 1)},\n` : "") +
        `${prettify(e.expr, level + 1)}\n${indent(level)})`
      );
    case "binary":
      return (
        `${prettify(e.lhs, level + 1)}\n${indent(level)}${e.op}${e.bool ? " bool" : ""}${matchingText(e)}\n` +
        prettify(e.rhs, level + 1)
      );
    case "call":
      return `${indent(level)}${e.func}(\n${e.args.map((a) => prettify(a, level + 1)).join(",\n")}\n${indent(level)})`;
    default:
      return indent(level) + oneLine;
  }
}
