"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { applyPlaces, newPanelId, placeFor } from "@/lib/dashboards/layout";
import { interpolate, selectionFrom } from "@/lib/dashboards/variables";
import { viewWindow } from "@/lib/dashboards/view-window";
import { toChartAnnotations } from "@/lib/dashboards/annotation-marks";
import {
  useAnnotationsQuery,
  useDashboardQuery,
  useDuplicateDashboardMutation,
  useSaveDashboardMutation,
} from "@/lib/hooks/use-dashboards";
import type { DashboardDto, Definition, Panel, Refresh } from "@/lib/schemas/dashboards";
import { RANGE_MS } from "@/lib/explore/time-range";
import { bodyHeight, DashboardGrid } from "./dashboard-grid";
import { DashboardToolbar } from "./dashboard-toolbar";
import { PanelEditor } from "./panel-editor";
import { PanelView } from "./panel-view";
import { VariableEditor } from "./variable-editor";

const REFRESH_MS: Record<Refresh, number> = {
  off: 0,
  live: 1_000,
  "5s": 5_000,
  "10s": 10_000,
  "30s": 30_000,
  "1m": 60_000,
};

const blankPanel = (panels: Panel[]): Panel => ({
  id: newPanelId(panels),
  title: "New panel",
  type: "timeseries",
  query: "",
  legend: "",
  layout: placeFor(panels),
  options: { unit: "none", style: "line", compare: "none", thresholds: [] },
});

/** A dashboard: its panels on a grid, with range, refresh and variables in the URL; managers edit. */
export function DashboardView({ slug, id, canEdit }: { slug: string; id: string; canEdit: boolean }) {
  const dashboard = useDashboardQuery(slug, id);
  if (dashboard.isPending) return <Skeleton height={480} />;
  if (dashboard.error)
    return (
      <div className="alert error" role="alert">
        {dashboard.error.message}
      </div>
    );
  return <DashboardBody slug={slug} dashboard={dashboard.data} canEdit={canEdit} />;
}

function DashboardBody({ slug, dashboard, canEdit }: { slug: string; dashboard: DashboardDto; canEdit: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const save = useSaveDashboardMutation(slug, dashboard.id);
  const duplicate = useDuplicateDashboardMutation(slug);
  // While editing, changes live in a draft until saved.
  const [draft, setDraft] = useState<Definition | null>(
    params.get("edit") === "1" && canEdit ? dashboard.definition : null,
  );
  const [editingPanel, setEditingPanel] = useState<Panel | null>(null);
  const definition = draft ?? dashboard.definition;

  const { range, fixed } = viewWindow(params, definition);
  const refresh = (params.get("refresh") ?? definition.refresh) as Refresh;
  const selection = selectionFrom(params, definition.variables);
  const showAnnotations = params.get("annotations") ? params.get("annotations") === "on" : definition.annotations;
  const annotations = useAnnotationsQuery(slug, range, fixed, showAnnotations, REFRESH_MS[refresh]);
  const marks = showAnnotations ? toChartAnnotations(annotations.data ?? []) : [];
  /** Dragging across a chart zooms every panel to that window. */
  const zoom = (from: number, to: number) =>
    setParams((p) => {
      p.set("from", String(Math.round(from)));
      p.set("to", String(Math.round(to)));
    });
  /** Clicking a panel's chart opens the drill-down of its query around that window. */
  const drill = (panel: Panel, query: string) => {
    const to = fixed?.to ?? Date.now();
    const from = fixed?.from ?? to - RANGE_MS[range];
    const back = `${pathname}?${params}`;
    router.push(
      `/${slug}/drilldown?${new URLSearchParams({ q: query, from: String(from), to: String(to), title: panel.title, back })}`,
    );
  };

  /** Changes some URL parameters, keeping the rest: the view stays shareable. */
  const setParams = (change: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    next.delete("edit");
    change(next);
    router.replace(`${pathname}?${next}`);
  };
  const setPanels = (panels: Panel[]) => setDraft({ ...definition, panels });
  const applyPanel = (panel: Panel) => {
    const exists = definition.panels.some((p) => p.id === panel.id);
    setPanels(exists ? definition.panels.map((p) => (p.id === panel.id ? panel : p)) : [...definition.panels, panel]);
    setEditingPanel(null);
  };
  const saveDraft = async () => {
    if (!draft) return;
    await save.mutateAsync({ title: dashboard.title, description: dashboard.description, definition: draft });
    setDraft(null);
  };

  return (
    <>
      <DashboardToolbar
        slug={slug}
        dashboardId={dashboard.id}
        variables={definition.variables}
        selection={selection}
        range={range}
        fixed={fixed}
        refresh={refresh}
        canEdit={canEdit}
        editing={draft !== null}
        saving={save.isPending}
        onParams={setParams}
        annotations={showAnnotations}
        onEdit={() => setDraft(dashboard.definition)}
        onAddPanel={() => setEditingPanel(blankPanel(definition.panels))}
        onSave={saveDraft}
        onCancel={() => {
          setDraft(null);
          setEditingPanel(null);
        }}
        onDuplicate={async () => {
          const copy = await duplicate.mutateAsync(dashboard.id);
          router.push(`/${slug}/dashboards/${copy.id}`);
        }}
      />
      {save.error && (
        <div className="alert error" role="alert">
          Not saved: {save.error.message}
        </div>
      )}
      {editingPanel && (
        <PanelEditor slug={slug} panel={editingPanel} onApply={applyPanel} onCancel={() => setEditingPanel(null)} />
      )}
      {draft && (
        <VariableEditor variables={draft.variables} onChange={(variables) => setDraft({ ...draft, variables })} />
      )}
      {definition.panels.length === 0 ? (
        <div className="empty">
          {canEdit
            ? "No panels yet: Edit, then Add a panel with a PromQL query."
            : "No panels yet. A manager or admin can add them."}
        </div>
      ) : (
        <DashboardGrid
          panels={definition.panels}
          editing={draft !== null}
          onLayout={(places) => setPanels(applyPlaces(definition.panels, places))}
        >
          {(panel) => (
            <>
              <div className="panel-head">
                <h3>{panel.title}</h3>
                {draft && (
                  <span className="panel-actions">
                    <button type="button" onClick={() => setEditingPanel(panel)}>
                      Edit
                    </button>
                    <button type="button" onClick={() => setPanels(definition.panels.filter((p) => p.id !== panel.id))}>
                      Remove
                    </button>
                  </span>
                )}
              </div>
              <PanelView
                slug={slug}
                panel={panel}
                query={interpolate(panel.query, definition.variables, selection)}
                window={{ range, fixed }}
                refreshMs={REFRESH_MS[refresh]}
                height={bodyHeight(panel.layout.h)}
                annotations={marks}
                onZoom={draft ? undefined : zoom}
                onPick={
                  draft ? undefined : () => drill(panel, interpolate(panel.query, definition.variables, selection))
                }
              />
            </>
          )}
        </DashboardGrid>
      )}
    </>
  );
}
