import { describe, expect, it } from "vitest";
import { formatUnit } from "@/lib/format/units";
import { parsePromQL } from "@/lib/promql/parse";
import { changePercent, latestValue, summedPoints, thresholdColor } from "./stat";
import { ALL, interpolate, selectionFrom, variableText } from "./variables";

const service = { name: "service", label: "service", match: "", multi: true, includeAll: true };

describe("dashboard variables", () => {
  it("fills a single value as it is, several and All as an escaped regex", () => {
    expect(variableText(["api"])).toBe("api");
    expect(variableText(["api", "web.v2"])).toBe("(api|web\\\\.v2)");
    expect(variableText([ALL])).toBe(".*");
    expect(variableText(['say "hi"'])).toBe('say \\"hi\\"');
    const q = interpolate(
      'sum by (route) (rate(http_requests_total{service=~"$service", x="${service}"}[5m]))',
      [service],
      {
        service: ["api", "web.v2"],
      },
    );
    expect(q).toBe('sum by (route) (rate(http_requests_total{service=~"(api|web\\\\.v2)", x="(api|web\\\\.v2)"}[5m]))');
    expect(() => parsePromQL(q)).not.toThrow();
    expect(interpolate('up{job="$other"}', [service], {})).toBe('up{job="$other"}');
  });

  it("reads the selection from the URL, All when nothing is chosen", () => {
    const params = new URLSearchParams("var-service=api&var-service=web");
    expect(selectionFrom(params, [service])).toEqual({ service: ["api", "web"] });
    expect(selectionFrom(new URLSearchParams(), [service])).toEqual({ service: [ALL] });
  });
});

describe("stat panels", () => {
  const s = (points: [number, number][]) => ({ labels: {}, points });
  it("sums the latest values and compares with the previous period", () => {
    expect(
      latestValue([
        s([
          [1, 2],
          [2, 3],
        ]),
        s([
          [1, 5],
          [2, NaN],
        ]),
      ]),
    ).toBe(8);
    expect(latestValue([])).toBeNull();
    expect(changePercent(150, 100)).toBe(50);
    expect(changePercent(5, 0)).toBeNull();
    expect(
      summedPoints([
        s([[1, 2]]),
        s([
          [1, 3],
          [2, 1],
        ]),
      ]),
    ).toEqual([
      [1, 5],
      [2, 1],
    ]);
  });
  it("colours by the highest threshold reached", () => {
    const t = [
      { value: 80, color: "#c62f3b" },
      { value: 50, color: "#b7791f" },
    ];
    expect([thresholdColor(10, t), thresholdColor(60, t), thresholdColor(95, t)]).toEqual([
      undefined,
      "#b7791f",
      "#c62f3b",
    ]);
  });
});

describe("units", () => {
  it("formats values the way people read them", () => {
    expect(formatUnit(0.0123, "s")).toBe("12.3 ms");
    expect(formatUnit(1500, "ms")).toBe("1.5 s");
    expect(formatUnit(5 * 1024 * 1024, "bytes")).toBe("5 MiB");
    expect(formatUnit(0.256, "percentunit")).toBe("25.6 %");
    expect(formatUnit(12345, "reqps")).toBe("12.3k req/s");
    expect(formatUnit(3.14159, "none", 2)).toBe("3.14");
    expect(formatUnit(null)).toBe("–");
  });
});

describe("panel placement", () => {
  const panel = (id: string, x: number, y: number, w: number, h: number) =>
    ({ id, title: id, type: "stat", query: "up", legend: "", layout: { x, y, w, h }, options: {} }) as never;
  it("puts a new panel beside the last row when it fits, else below", async () => {
    const { placeFor, applyPlaces, newPanelId } = await import("./layout");
    expect(placeFor([])).toEqual({ x: 0, y: 0, w: 6, h: 6 });
    expect(placeFor([panel("a", 0, 0, 6, 6)])).toEqual({ x: 6, y: 0, w: 6, h: 6 });
    expect(placeFor([panel("a", 0, 0, 8, 6)])).toEqual({ x: 0, y: 6, w: 6, h: 6 });
    const moved = applyPlaces([panel("a", 0, 0, 6, 6), panel("b", 6, 0, 6, 6)], [{ id: "b", x: 0, y: 6, w: 12, h: 4 }]);
    expect(moved.map((p: { layout: unknown }) => p.layout)).toEqual([
      { x: 0, y: 0, w: 6, h: 6 },
      { x: 0, y: 6, w: 12, h: 4 },
    ]);
    expect(newPanelId([panel("panel-2", 0, 0, 1, 1)])).toBe("panel-3");
  });
});
