import { describe, expect, it } from "vitest";
import { rangeWindow } from "./time-range";

describe("rangeWindow", () => {
  const now = Date.UTC(2026, 11, 3, 18, 7, 31);

  it("picks a round step giving at most 240 points, aligned to it", () => {
    expect(rangeWindow("1h", now)).toEqual({
      start: Date.UTC(2026, 11, 3, 17, 7, 30),
      end: Date.UTC(2026, 11, 3, 18, 7, 30),
      stepMs: 15_000,
    });
    const month = rangeWindow("30d", now);
    expect(month.stepMs).toBe(3 * 3_600_000);
    expect(month.end % month.stepMs).toBe(0);
    expect((month.end - month.start) / month.stepMs).toBeLessThanOrEqual(240);
  });

  it("lands a day on 10-minute steps, so 5 m windows read whole rollup buckets", () => {
    expect(rangeWindow("24h", now).stepMs).toBe(600_000);
  });
});
