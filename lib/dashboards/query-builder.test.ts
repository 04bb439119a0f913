import { describe, expect, it } from "vitest";
import { parsePromQL } from "@/lib/promql/parse";
import { buildQuery, isCounterName } from "./query-builder";

describe("query builder", () => {
  it("writes a metric with filters, rate and grouped aggregation as valid PromQL", () => {
    const q = buildQuery({
      metric: "http_requests_total",
      filters: [
        { label: "service", op: "=", value: "api" },
        { label: "code", op: "=~", value: '5.."' },
        { label: "", op: "=", value: "ignored" },
      ],
      rate: "5m",
      aggregation: "sum",
      by: ["route", "code"],
    });
    expect(q).toBe('sum by (route, code) (rate(http_requests_total{service="api", code=~"5..\\""}[5m]))');
    expect(() => parsePromQL(q)).not.toThrow();
  });

  it("leaves out what is not chosen", () => {
    expect(buildQuery({ metric: "up", filters: [], rate: "", aggregation: "none", by: [] })).toBe("up");
    expect(buildQuery({ metric: "up", filters: [], rate: "", aggregation: "avg", by: [] })).toBe("avg (up)");
    expect(isCounterName("orders_total")).toBe(true);
    expect(isCounterName("queue_depth")).toBe(false);
  });
});
