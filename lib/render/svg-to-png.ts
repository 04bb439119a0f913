// SVG to PNG with resvg (Rust, shipped as a prebuilt binary inside its npm package), for
// images that must work where SVG does not: most email clients.
import { Resvg } from "@resvg/resvg-js";

export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale }, // crisp on high-density screens
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return Buffer.from(resvg.render().asPng());
}
