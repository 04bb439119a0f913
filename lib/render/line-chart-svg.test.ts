import { describe, expect, it } from "vitest";
import { lineChartSvg, shortNumber } from "./line-chart-svg";
import { svgToPng } from "./svg-to-png";

describe("line chart SVG", () => {
  const lines = [
    {
      name: "a",
      points: [
        { t: 0, v: 1 },
        { t: 60_000, v: 5 },
        { t: 120_000, v: NaN },
        { t: 180_000, v: 3 },
      ],
    },
  ];

  it("draws lines broken at gaps, the threshold and the marker", () => {
    const svg = lineChartSvg({ lines, threshold: 4, marker: 60_000, title: "Queue <depth>" });
    const path = svg.match(/<path d="([^"]+)"/)![1];
    expect(path.match(/M/g)).toHaveLength(2); // one gap, two segments
    expect(svg).toContain('stroke-dasharray="5 4"');
    expect(svg).toContain("Queue &lt;depth&gt;");
    expect(lineChartSvg({ lines: [] })).toContain("No data");
  });

  it("renders to a PNG", () => {
    const png = svgToPng(lineChartSvg({ lines, threshold: 4 }));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200); // width at 2x
  });

  it("shortens axis numbers", () => {
    expect([shortNumber(1234), shortNumber(2_500_000), shortNumber(0.012345), shortNumber(0)]).toEqual([
      "1.23k",
      "2.5M",
      "0.0123",
      "0",
    ]);
  });
});
