import { describe, expect, it } from "vitest";
import { fingerprintOf, renderTemplate, transitions, type Open } from "./transitions";

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
});
