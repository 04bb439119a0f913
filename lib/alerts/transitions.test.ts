import { describe, expect, it } from "vitest";
import { fingerprintOf, isFlapping, NO_DATA_LABELS, renderTemplate, transitions, type Open } from "./transitions";

const rule = { comparator: ">" as const, threshold: 10, forSeconds: 30 };
const series = (job: string, value: number) => ({ fingerprint: fingerprintOf({ job }), labels: { job }, value });

describe("alert transitions", () => {
  it("holds a new breach in pending for `for`, then fires", () => {
    const t0 = 1_000_000;
    const first = transitions(rule, [series("api", 11)], [], t0);
    expect(first).toEqual([
      { kind: "pending", fingerprint: fingerprintOf({ job: "api" }), labels: { job: "api" }, value: 11, isNew: true },
    ]);
    const open: Open[] = [{ fingerprint: fingerprintOf({ job: "api" }), state: "pending", startedAt: t0 }];
    expect(transitions(rule, [series("api", 12)], open, t0 + 29_999)[0].kind).toBe("still");
    expect(transitions(rule, [series("api", 12)], open, t0 + 30_000)[0]).toMatchObject({
      kind: "firing",
      isNew: false,
    });
  });

  it("fires at once without `for`", () => {
    expect(transitions({ ...rule, forSeconds: 0 }, [series("api", 11)], [], 0)[0].kind).toBe("firing");
  });

  it("resolves a firing or acknowledged incident when its series is back inside, clears a pending one", () => {
    const open: Open[] = [
      { fingerprint: fingerprintOf({ job: "a" }), state: "firing", startedAt: 0 },
      { fingerprint: fingerprintOf({ job: "b" }), state: "acknowledged", startedAt: 0 },
      { fingerprint: fingerprintOf({ job: "c" }), state: "pending", startedAt: 0 },
    ];
    const out = transitions(rule, [series("a", 5), series("b", 10)], open, 60_000);
    expect(out.map((t) => t.kind)).toEqual(["resolved", "resolved", "cleared"]);
  });

  it("treats a series that vanished like one back inside the threshold", () => {
    const open: Open[] = [{ fingerprint: fingerprintOf({ job: "a" }), state: "firing", startedAt: 0 }];
    expect(transitions(rule, [], open, 1)).toEqual([{ kind: "resolved", fingerprint: fingerprintOf({ job: "a" }) }]);
  });

  it("compares with every operator, NaN never breaching an ordering", () => {
    for (const [comparator, value, want] of [
      ["<", 9, true],
      ["<=", 10, true],
      ["==", 10, true],
      ["!=", 10, false],
      [">=", 10, true],
      [">", NaN, false],
    ] as const) {
      expect(transitions({ ...rule, comparator, forSeconds: 0 }, [series("x", value)], [], 0).length > 0).toBe(want);
    }
  });

  it("renders label and value templates", () => {
    expect(renderTemplate("{{ $labels.job }} is at {{$value}}; {{ $labels.none }}.", { job: "api" }, 12.5)).toBe(
      "api is at 12.5; .",
    );
  });

  describe("hysteresis and no data", () => {
    const firing = (job: string, okStreak = 0): Open => ({
      fingerprint: fingerprintOf({ job }),
      state: "firing",
      startedAt: 0,
      okStreak,
    });

    it("holds an incident inside the threshold but within the margin, resolves past it", () => {
      const r = { ...rule, recoveryMargin: 2 };
      expect(transitions(r, [series("a", 9)], [firing("a")], 1)[0]).toMatchObject({ kind: "still", value: 9 });
      expect(transitions(r, [series("a", 8)], [firing("a")], 1)[0].kind).toBe("resolved");
    });

    it("resolves after N recovered evaluations in a row; a breach in between starts over", () => {
      const r = { ...rule, recoveryEvaluations: 3 };
      expect(transitions(r, [series("a", 1)], [firing("a", 0)], 1)[0]).toEqual({
        kind: "recovering",
        fingerprint: fingerprintOf({ job: "a" }),
        okStreak: 1,
        value: 1,
      });
      expect(transitions(r, [series("a", 1)], [firing("a", 1)], 1)[0]).toMatchObject({
        kind: "recovering",
        okStreak: 2,
      });
      expect(transitions(r, [series("a", 1)], [firing("a", 2)], 1)[0].kind).toBe("resolved");
      expect(transitions(r, [series("a", 50)], [firing("a", 2)], 1)[0].kind).toBe("still"); // streak resets
    });

    it("treats a series without data as recovered, unchanged or breaching, as the rule says", () => {
      expect(transitions({ ...rule, noData: "ok" }, [], [firing("a")], 1)[0].kind).toBe("resolved");
      expect(transitions({ ...rule, noData: "keep" }, [], [firing("a")], 1)[0]).toMatchObject({
        kind: "still",
        value: null,
      });
      expect(transitions({ ...rule, noData: "alert" }, [series("b", 1)], [firing("a")], 1)[0].kind).toBe("still");
    });

    it("raises one no-data incident when the query returns nothing under 'alert', and ends it when data returns", () => {
      const noData = { ...rule, forSeconds: 0, noData: "alert" as const };
      const [raised] = transitions(noData, [], [], 1);
      expect(raised).toMatchObject({ kind: "firing", labels: NO_DATA_LABELS, isNew: true });
      const open: Open[] = [{ fingerprint: fingerprintOf(NO_DATA_LABELS), state: "firing", startedAt: 0 }];
      expect(transitions(noData, [], open, 2).map((t) => t.kind)).toEqual(["still"]);
      expect(transitions(noData, [series("a", 1)], open, 3).map((t) => t.kind)).toEqual(["resolved"]);
    });
  });
});

describe("flapping", () => {
  it("is the third firing within ten minutes", () => {
    const at = 10_000_000;
    expect(isFlapping([], at)).toBe(false);
    expect(isFlapping([at - 60_000], at)).toBe(false);
    expect(isFlapping([at - 60_000, at - 120_000], at)).toBe(true);
    expect(isFlapping([at - 60_000, at - 700_000], at)).toBe(false);
  });
});
