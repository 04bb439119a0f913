import { describe, expect, it } from "vitest";
import { downsample, sampleSpans, traceKept } from "./sampling";

const span = (traceId: string, extra: Partial<{ status: string; durationMs: number }> = {}) => ({
  time: new Date(0),
  traceId,
  spanId: "0000000000000001",
  service: "s",
  name: "n",
  kind: "server",
  status: "ok",
  durationMs: 10,
  ...extra,
});
const hex = (i: number) => (BigInt(i) * 0x9e3779b97f4a7c15n).toString(16).padStart(32, "0").slice(-32);

describe("trace sampling", () => {
  it("keeps about ratio of traces, the same decision for every span of a trace", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => hex(i + 1));
    const kept = ids.filter((id) => traceKept(id, 0.1)).length;
    expect(kept / ids.length).toBeGreaterThan(0.09);
    expect(kept / ids.length).toBeLessThan(0.11);
    expect(ids.every((id) => traceKept(id, 0.1) === traceKept(id, 0.1))).toBe(true);
  });

  it("always keeps errors and slow spans, and weights sampled spans so counts can be corrected", () => {
    const spans = Array.from({ length: 10_000 }, (_, i) => span(hex(i + 1)));
    spans.push(span(hex(999_999), { status: "error" }), span(hex(999_998), { durationMs: 5000 }));
    const { kept, dropped } = sampleSpans(spans, {
      traceSampleRatio: 0.25,
      keepErrorSpans: true,
      slowSpanMs: 1000,
      metricMinIntervalSec: 0,
    });
    expect(kept.some((s) => s.status === "error" && s.sampleWeight === 1)).toBe(true);
    expect(kept.some((s) => s.durationMs === 5000 && s.sampleWeight === 1)).toBe(true);
    const estimated = kept.reduce((n, s) => n + s.sampleWeight, 0);
    expect(Math.abs(estimated - spans.length) / spans.length).toBeLessThan(0.05);
    expect(dropped).toBe(spans.length - kept.length);
  });
});

describe("metric downsampling", () => {
  it("keeps one point per interval, continuing across requests", () => {
    const first = downsample(
      [
        [0, 1],
        [5_000, 2],
        [10_000, 3],
        [15_000, 4],
      ],
      undefined,
      10_000,
    );
    expect(first.kept).toEqual([
      [0, 1],
      [10_000, 3],
    ]);
    const next = downsample(
      [
        [18_000, 5],
        [20_000, 6],
      ],
      first.lastKept,
      10_000,
    );
    expect(next.kept).toEqual([[20_000, 6]]);
    expect(
      downsample(
        [
          [1, 1],
          [2, 2],
        ],
        undefined,
        0,
      ).kept,
    ).toHaveLength(2);
  });
});
