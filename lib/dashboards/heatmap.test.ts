import { describe, expect, it } from "vitest";
import { heatmap } from "./heatmap";

const s = (le: string, points: [number, number][], extra: Record<string, string> = {}) => ({
  labels: { le, ...extra },
  points,
});

describe("heatmap", () => {
  it("turns cumulative buckets into per-bucket counts per time, summing series of one le", () => {
    const h = heatmap([
      s("+Inf", [
        [1000, 10],
        [2000, 20],
      ]),
      s("0.1", [
        [1000, 4],
        [2000, 5],
      ]),
      s(
        "0.5",
        [
          [1000, 6],
          [2000, 15],
        ],
        { instance: "a" },
      ),
      s(
        "0.5",
        [
          [1000, 1],
          [2000, 0],
        ],
        { instance: "b" },
      ),
      { labels: { job: "x" }, points: [[1000, 99]] as [number, number][] },
    ])!;
    expect(h.bounds).toEqual([0.1, 0.5, Infinity]);
    expect(h.times).toEqual([1000, 2000]);
    expect(h.cells.filter((c) => c.t === 1000).map((c) => c.value)).toEqual([4, 3, 3]);
    expect(h.cells.filter((c) => c.t === 2000).map((c) => c.value)).toEqual([5, 10, 5]);
    expect(h.max).toBe(10);
  });

  it("is empty without bucket series", () => {
    expect(heatmap([{ labels: { job: "x" }, points: [[1, 1]] }])).toBeNull();
  });
});
