import { describe, expect, it } from "vitest";
import type { Expr } from "./ast";
import { parsePromQL } from "./parse";
import { planRollup } from "./rollup-plan";

const HOUR = 3_600_000;
const call = (q: string) => parsePromQL(q) as Extract<Expr, { type: "call" }>;
const at = (span: number, step: number, force = false) => ({
  start: 100 * HOUR,
  end: 100 * HOUR + span,
  step,
  inSubquery: false,
  force,
});

describe("rollup planner", () => {
  it("reads the coarsest exact resolution for long queries", () => {
    expect(planRollup(call("rate(x[1h])"), at(30 * 24 * HOUR, HOUR))?.name).toBe("1h");
    expect(planRollup(call("rate(x[5m])"), at(2 * 24 * HOUR, 300_000))?.name).toBe("1m");
  });

  it("reads raw samples for a few hours of short windows, unless forced", () => {
    expect(planRollup(call("rate(x[5m])"), at(6 * HOUR, 120_000))).toBeUndefined();
    expect(planRollup(call("rate(x[5m])"), at(6 * HOUR, 120_000, true))?.name).toBe("1m");
    // Long windows pay off even in a short query.
    expect(planRollup(call("max_over_time(x[30m])"), at(6 * HOUR, 60_000))?.name).toBe("1m");
  });

  it("never answers inexactly: misaligned steps and windows read raw", () => {
    expect(planRollup(call("rate(x[90s])"), at(2 * 24 * HOUR, 60_000, true))).toBeUndefined();
    expect(planRollup(call("rate(x[1h])"), at(2 * 24 * HOUR, 90_000, true))).toBeUndefined();
  });
});
