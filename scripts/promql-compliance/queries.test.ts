import { describe, expect, it } from "vitest";
import { expandCase, loadComplianceCases } from "./queries";

describe("compliance query set", () => {
  it("expands to the 539 cases the tester runs against Prometheus 2.42", () => {
    const cases = loadComplianceCases();
    expect(cases).toHaveLength(539);
    expect(cases.filter((c) => c.shouldFail)).toHaveLength(5);
    expect(cases.some((c) => c.query.includes("{{"))).toBe(false);
  });

  it("takes the product of several variants", () => {
    const cases = expandCase({
      query: "{{.instantRateFunc}}(x[{{.range}}])",
      variant_args: ["instantRateFunc", "range"],
    });
    expect(cases).toHaveLength(12);
    expect(cases[0].query).toBe("idelta(x[1s])");
    expect(cases[11].query).toBe("irate(x[1h])");
  });
});
