import { describe, expect, it } from "vitest";
import { fixedWindow, rangeWindow } from "@/lib/explore/time-range";
import { compareShift, compareWindow, shifted } from "./compare";

describe("comparison windows", () => {
  it.each(["15m", "1h", "6h", "24h", "7d"] as const)(
    "%s: the earlier window has the same steps, landing on this window's times",
    (range) => {
      const now = 1_764_840_123_456;
      const shown = rangeWindow(range, now);
      for (const compare of ["previous", "week"] as const) {
        const shift = compareShift(compare, shown);
        const earlier = compareWindow(shift, shown)!;
        const w = fixedWindow(earlier.from, earlier.to, now);
        expect(w.stepMs).toBe(shown.stepMs);
        expect(w.start + shift).toBe(shown.start);
        expect(w.end + shift).toBe(shown.end);
      }
    },
  );

  it("moves earlier points forward and compares with nothing when off", () => {
    expect(shifted([{ labels: {}, points: [[1000, 5]] }], 500)[0].points).toEqual([[1500, 5]]);
    expect(compareWindow(compareShift("none", { start: 0, end: 10 }), { start: 0, end: 10 })).toBeUndefined();
  });
});
