// Panel placement on the 12-column grid (pure): where a new panel goes, and a moved layout
// written back onto the panels.
import type { Panel } from "@/lib/schemas/dashboards";

export type PanelPlace = { id: string } & Panel["layout"];

/** The first free spot: beside the last panel of the bottom row when it fits, else below everything. */
export function placeFor(panels: Panel[], w = 6, h = 6): Panel["layout"] {
  if (panels.length === 0) return { x: 0, y: 0, w, h };
  const bottom = Math.max(...panels.map((p) => p.layout.y + p.layout.h));
  const lastRow = panels.filter((p) => p.layout.y + p.layout.h === bottom);
  const right = Math.max(...lastRow.map((p) => p.layout.x + p.layout.w));
  const top = Math.min(...lastRow.map((p) => p.layout.y));
  return right + w <= 12 ? { x: right, y: top, w, h } : { x: 0, y: bottom, w, h };
}

/** The panels with the grid's positions; panels the grid did not mention keep theirs. */
export function applyPlaces(panels: Panel[], places: PanelPlace[]): Panel[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  return panels.map((p) => {
    const place = byId.get(p.id);
    return place ? { ...p, layout: { x: place.x, y: place.y, w: place.w, h: place.h } } : p;
  });
}

/** A short id not used by the dashboard yet. */
export function newPanelId(panels: Panel[]): string {
  const used = new Set(panels.map((p) => p.id));
  for (let n = panels.length + 1; ; n++) if (!used.has(`panel-${n}`)) return `panel-${n}`;
}
