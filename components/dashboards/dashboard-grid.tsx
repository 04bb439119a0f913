"use client";
import "react-grid-layout/css/styles.css";
import "react-resizable/css/styles.css";
import type { ReactNode } from "react";
import { GridLayout, useContainerWidth, type Layout } from "react-grid-layout";
import type { PanelPlace } from "@/lib/dashboards/layout";
import type { Panel } from "@/lib/schemas/dashboards";

export const ROW_HEIGHT = 40;
const MARGIN = 12;
const HEAD = 34;

/** The drawing height inside a panel of `h` grid rows. */
export const bodyHeight = (h: number) => h * ROW_HEIGHT + (h - 1) * MARGIN - HEAD - 16;

/** Panels on a 12-column grid; while editing, dragged by their heads and resized by their corners. */
export function DashboardGrid({
  panels,
  editing,
  onLayout,
  children,
}: {
  panels: Panel[];
  editing: boolean;
  onLayout: (places: PanelPlace[]) => void;
  children: (panel: Panel) => ReactNode;
}) {
  const { width, containerRef, mounted } = useContainerWidth();
  const layout: Layout = panels.map((p) => ({ i: p.id, ...p.layout, minW: 2, minH: 3 }));
  return (
    <div ref={containerRef} className={editing ? "dashboard-grid editing" : "dashboard-grid"}>
      {mounted && (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: 12, rowHeight: ROW_HEIGHT, margin: [MARGIN, MARGIN] }}
          dragConfig={{ enabled: editing, handle: ".panel-head" }}
          resizeConfig={{ enabled: editing }}
          onLayoutChange={(next) => editing && onLayout(next.map((l) => ({ id: l.i, x: l.x, y: l.y, w: l.w, h: l.h })))}
        >
          {panels.map((p) => (
            <div key={p.id} className="card panel" data-panel={p.id}>
              {children(p)}
            </div>
          ))}
        </GridLayout>
      )}
    </div>
  );
}
