import { describe, expect, it } from "vitest";
import { generateDemoData } from "./demo-data";

describe("generateDemoData", () => {
  const end = Date.UTC(2026, 11, 3, 18);
  const data = generateDemoData({ end, days: 1 });

  it("is deterministic", () => {
    const again = generateDemoData({ end, days: 1 });
    expect(again.events.length).toBe(data.events.length);
    expect(again.series[0].points).toEqual(data.series[0].points);
  });

  it("produces monotonic counters and points inside the window", () => {
    for (const s of data.series) {
      for (const [t] of s.points) expect(t >= end - 86_400_000 && t < end).toBe(true);
      if (s.key.type !== "counter") continue;
      for (let i = 1; i < s.points.length; i++) expect(s.points[i][1]).toBeGreaterThanOrEqual(s.points[i - 1][1]);
    }
  });

  it("tells a funnel story and an incident", () => {
    const count = (name: string) => data.events.filter((e) => e.name === name).length;
    expect(count("page_view")).toBeGreaterThan(count("signup_started"));
    expect(count("signup_started")).toBeGreaterThan(count("signup_completed"));
    expect(count("signup_completed")).toBeGreaterThan(count("checkout_completed"));
    expect(data.spans.some((s) => s.status === "error")).toBe(true);
    const up = data.series.find((s) => s.key.name === "up" && s.key.labels.instance === "shop-1:9100")!;
    expect(up.points.some(([, v]) => v === 0)).toBe(true);
  });
});
