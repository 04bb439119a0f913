import { describe, expect, it } from "vitest";
import { baselineWindow } from "./observe";
import {
  absences,
  bandOf,
  bandScores,
  compositeObserved,
  percentChanges,
  ruleLogic,
  type KindRule,
} from "./rule-kinds";
import { fingerprintOf, transitions, type Observed } from "./transitions";

const obs = (labels: Record<string, string>, value: number): Observed => ({
  fingerprint: fingerprintOf(labels),
  labels,
  value,
});
const rule = (over: Partial<KindRule>): KindRule => ({
  kind: "threshold",
  comparator: ">",
  threshold: 0,
  params: {},
  forSeconds: 0,
  recoveryMargin: 0,
  recoveryEvaluations: 1,
  noData: "ok",
  ...over,
});

describe("rule kinds", () => {
  it("measures percent change against the value a window ago, and skips series without one", () => {
    const now = [obs({ q: "a" }, 160), obs({ q: "b" }, 90), obs({ q: "new" }, 5), obs({ q: "z" }, 3)];
    const past = [obs({ q: "a" }, 100), obs({ q: "b" }, 100), obs({ q: "z" }, 0)];
    const changes = percentChanges(now, past);
    expect(changes.map((c) => [c.labels.q, c.measure])).toEqual([
      ["a", 60],
      ["b", -10],
      ["z", Infinity],
    ]);
    // The value people see stays the current value; the comparator tests the percent.
    const logic = ruleLogic(rule({ kind: "change", comparator: ">", threshold: 50 }));
    const fired = transitions(logic, changes, [], 0).filter((t) => t.kind === "firing");
    expect(fired.map((t) => (t.kind === "firing" ? [t.labels.q, t.value] : null))).toEqual([
      ["a", 160],
      ["z", 3],
    ]);
  });

  it("scores distance from the baseline in standard deviations, with σ floored for flat baselines", () => {
    expect(bandOf([1, 2, 3, 4, 5])).toEqual({ mean: 3, sigma: Math.sqrt(2), n: 5 });
    const baseline = new Map([
      [fingerprintOf({ s: "noisy" }), [9, 11, 9, 11, 9, 11]],
      [fingerprintOf({ s: "flat" }), [100, 100, 100, 100, 100]],
      [fingerprintOf({ s: "short" }), [1, 2]],
    ]);
    const scored = bandScores([obs({ s: "noisy" }, 14), obs({ s: "flat" }, 102), obs({ s: "short" }, 50)], baseline);
    expect(scored.map((o) => [o.labels.s, o.measure])).toEqual([
      ["noisy", 4],
      ["flat", 2], // σ floored at 1 % of 100
    ]);
    const logic = ruleLogic(rule({ kind: "anomaly", params: { k: 3, baseline: "rolling", windowSeconds: 3600 } }));
    expect(logic).toMatchObject({ comparator: ">", threshold: 3 });
    expect(transitions(logic, scored, [], 0).map((t) => t.kind)).toEqual(["firing"]);
  });

  it("places the baseline window before now, or around the same time last week", () => {
    const now = 1_000_000_000_000;
    expect(baselineWindow({ baseline: "rolling", windowSeconds: 3600 }, now)).toEqual({
      start: now - 3_600_000,
      end: now - 30_000,
      step: 30_000,
    });
    const week = baselineWindow({ baseline: "last_week", windowSeconds: 3600 }, now);
    expect([week.start, week.end]).toEqual([now - 7 * 86_400_000 - 1_800_000, now - 7 * 86_400_000 + 1_800_000]);
  });

  it("measures seconds since last seen, and stands one series for a selector that saw nothing", () => {
    const now = 100_000;
    expect(absences([{ labels: { job: "a" }, at: 40_000 }], now, {})).toEqual([
      { fingerprint: fingerprintOf({ job: "a" }), labels: { job: "a" }, value: 60, measure: 60 },
    ]);
    const whole = absences([], now, { job: "sync" });
    expect(whole).toEqual([
      { fingerprint: fingerprintOf({ job: "sync" }), labels: { job: "sync" }, value: Infinity, measure: Infinity },
    ]);
    const logic = ruleLogic(rule({ kind: "absence", params: { absentSeconds: 30 }, noData: "alert" }));
    expect(logic).toMatchObject({ comparator: ">", threshold: 30, noData: "ok" });
  });

  it("counts the composite's rules that fire: all of them for and, one for or", () => {
    const ids = ["r1", "r2", "r3"];
    const firing = new Set(["r1", "r3", "other"]);
    expect(compositeObserved(firing, ids)[0].value).toBe(2);
    const and = ruleLogic(rule({ kind: "composite", params: { operator: "and", ruleIds: ids } }));
    const or = ruleLogic(rule({ kind: "composite", params: { operator: "or", ruleIds: ids } }));
    expect(transitions(and, compositeObserved(firing, ids), [], 0)).toEqual([]);
    expect(transitions(or, compositeObserved(firing, ids), [], 0).map((t) => t.kind)).toEqual(["firing"]);
    expect(transitions(and, compositeObserved(new Set(ids), ids), [], 0).map((t) => t.kind)).toEqual(["firing"]);
  });
});
