import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration";
import { parsePromQL } from "./parse";
import { PromQLParseError } from "./selector";

describe("parseDuration", () => {
  it("reads Prometheus durations and refuses malformed ones", () => {
    expect(parseDuration("5m")).toBe(300_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("100ms")).toBe(100);
    expect(parseDuration("1w2d")).toBe(9 * 86_400_000);
    for (const bad of ["5", "m5", "1m1h", "1s1s", "1.5m"]) expect(parseDuration(bad), bad).toBeNull();
  });
});

describe("parsePromQL", () => {
  it("builds selectors with offset and @", () => {
    expect(parsePromQL('rate(http_requests_total{code="500"}[5m] offset 1h)')).toEqual({
      type: "call",
      func: "rate",
      args: [
        {
          type: "matrix",
          rangeMs: 300_000,
          vector: {
            type: "vector",
            name: "http_requests_total",
            offsetMs: 3_600_000,
            matchers: [
              { name: "__name__", op: "=", value: "http_requests_total" },
              { name: "code", op: "=", value: "500" },
            ],
          },
        },
      ],
    });
    expect(parsePromQL("up @ 100")).toMatchObject({ type: "vector", at: 100_000 });
    expect(parsePromQL("up @ start()")).toMatchObject({ type: "vector", at: "start" });
    expect(parsePromQL("up offset -5m")).toMatchObject({ type: "vector", offsetMs: -300_000 });
  });

  it("builds aggregations, binary operators with matching, unary and subqueries", () => {
    expect(parsePromQL("sum by (job) (up)")).toMatchObject({
      type: "aggregate",
      op: "sum",
      grouping: ["job"],
      without: false,
    });
    expect(parsePromQL("topk(3, up) without (a)")).toMatchObject({
      type: "aggregate",
      op: "topk",
      param: { type: "number", value: 3 },
      without: true,
      grouping: ["a"],
    });
    expect(parsePromQL("a / on(x) group_left(y) b")).toMatchObject({
      type: "binary",
      op: "/",
      matching: { card: "many-to-one", on: true, labels: ["x"], include: ["y"] },
    });
    expect(parsePromQL("a > bool 2")).toMatchObject({ type: "binary", op: ">", bool: true });
    expect(parsePromQL("a and ignoring(z) b")).toMatchObject({
      matching: { card: "many-to-many", on: false, labels: ["z"] },
    });
    expect(parsePromQL("-(1 + 2)")).toMatchObject({ type: "unary", op: "-", expr: { type: "binary", op: "+" } });
    expect(parsePromQL("max_over_time(rate(x[5m])[30m:1m])")).toMatchObject({
      type: "call",
      args: [{ type: "subquery", rangeMs: 1_800_000, stepMs: 60_000 }],
    });
    expect(parsePromQL("0x10 + Inf")).toMatchObject({ lhs: { value: 16 }, rhs: { value: Infinity } });
  });

  it("refuses what Prometheus refuses", () => {
    const cases: [string, RegExp][] = [
      ["rate(up)", /expected type range vector in call to function "rate", got instant vector/],
      ["sum(up[5m])", /expected type instant vector in aggregation expression, got range vector/],
      ["1 > 2", /comparisons between scalars must use BOOL modifier/],
      ["up and 1", /set operator "and" not allowed in binary scalar expression/],
      ['{job=~".*"}', /at least one non-empty matcher/],
      ["up[5m] offset 1m offset 2m", /./],
      ["nosuchfunc(up)", /unknown function/],
      ["topk(up)", /wrong number of arguments/],
      ["sum(up) @ 100", /@ modifier must be preceded by/],
      ["up[0s]", /duration must be greater than 0/],
      ["", /no expression/],
      ["up{", /parse error/],
    ];
    for (const [q, message] of cases) expect(() => parsePromQL(q), q).toThrow(message);
    expect(() => parsePromQL("rate(up)")).toThrow(PromQLParseError);
  });
});
