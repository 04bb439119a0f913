import { describe, expect, it } from "vitest";
import { parsePromQL } from "@/lib/promql/parse";
import { drillQuery, selectors } from "./drill-query";

describe("drill-down queries", () => {
  it("narrows every selector to the series' labels", () => {
    expect(drillQuery('sum by (service) (rate(http_requests_total{code=~"5.."}[5m]))', { service: "api" })).toBe(
      'sum by (service) (rate(http_requests_total{code=~"5..",service="api"}[5m]))',
    );
  });

  it("breaks an aggregation down by another label, on both sides of a ratio", () => {
    expect(drillQuery("sum by (service) (rate(errors_total[5m]))", { service: "api" }, "route")).toBe(
      'sum by (route) (rate(errors_total{service="api"}[5m]))',
    );
    expect(drillQuery("sum(rate(errors_total[5m])) / on () sum(rate(requests_total[5m]))", {}, "route")).toBe(
      "sum by (route) (rate(errors_total[5m])) / sum by (route) (rate(requests_total[5m]))",
    );
    expect(drillQuery("sum(rate(x[1m])) * 100", {}, "pod")).toBe("sum by (pod) (rate(x[1m])) * 100");
  });

  it("sums a query without an aggregation by the label", () => {
    expect(drillQuery("rate(x[5m])", { job: "a" }, "instance")).toBe('sum by (instance) (rate(x{job="a"}[5m]))');
  });

  it("lists the selectors a query reads", () => {
    expect(selectors(parsePromQL('sum(rate(a{x="1"}[5m] offset 1h)) / sum(b) + a{x="1"}'))).toEqual(['a{x="1"}', "b"]);
  });
});
