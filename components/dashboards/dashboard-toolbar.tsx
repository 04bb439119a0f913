"use client";
import { useState } from "react";
import { RANGE_MS } from "@/lib/explore/time-range";
import { ALL, type Selection } from "@/lib/dashboards/variables";
import { REFRESH, type Refresh, type Variable } from "@/lib/schemas/dashboards";
import { EXPLORE_RANGES, type ExploreRange, type FixedWindow } from "@/lib/schemas/explore";
import { AbsoluteRange } from "./absolute-range";
import { VariablePicker } from "./variable-picker";
import { formatWhen } from "@/lib/format/time";

const ABSOLUTE = "absolute";

/** Range, auto-refresh and variables (all in the URL), and the dashboard's actions. */
export function DashboardToolbar(p: {
  slug: string;
  dashboardId: string;
  variables: Variable[];
  selection: Selection;
  range: ExploreRange;
  fixed?: FixedWindow;
  refresh: Refresh;
  annotations: boolean;
  canEdit: boolean;
  editing: boolean;
  saving: boolean;
  onParams: (change: (params: URLSearchParams) => void) => void;
  onEdit: () => void;
  onAddPanel: () => void;
  onSave: () => void;
  onCancel: () => void;
  onDuplicate: () => void;
}) {
  const [absolute, setAbsolute] = useState(false);
  return (
    <div className="card dashboard-toolbar">
      {p.variables.map((v) => (
        <VariablePicker
          key={v.name}
          slug={p.slug}
          variable={v}
          selected={p.selection[v.name] ?? [ALL]}
          onChange={(values) =>
            p.onParams((params) => {
              params.delete(`var-${v.name}`);
              for (const value of values) params.append(`var-${v.name}`, value);
            })
          }
        />
      ))}
      <label>
        Range{" "}
        <select
          value={p.fixed ? "" : p.range}
          onChange={(e) =>
            e.target.value === ABSOLUTE
              ? setAbsolute(true)
              : p.onParams((params) => {
                  params.set("range", e.target.value);
                  params.delete("from");
                  params.delete("to");
                })
          }
        >
          {p.fixed && <option value="">{`${formatWhen(p.fixed.from)} – ${formatWhen(p.fixed.to)}`}</option>}
          <option value={ABSOLUTE}>From … to …</option>
          {EXPLORE_RANGES.map((r) => (
            <option key={r} value={r}>
              Last {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        Refresh{" "}
        <select value={p.refresh} onChange={(e) => p.onParams((params) => params.set("refresh", e.target.value))}>
          {REFRESH.map((r) => (
            <option key={r} value={r}>
              {r === "off" ? "Off" : r === "live" ? "Live (1 s)" : `Every ${r}`}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={p.annotations}
          onChange={(e) => p.onParams((params) => params.set("annotations", e.target.checked ? "on" : "off"))}
        />{" "}
        Annotations
      </label>
      {absolute && (
        <AbsoluteRange
          initial={p.fixed ?? { from: Date.now() - RANGE_MS[p.range], to: Date.now() }}
          onCancel={() => setAbsolute(false)}
          onApply={(w) => {
            setAbsolute(false);
            p.onParams((params) => {
              params.set("from", String(w.from));
              params.set("to", String(w.to));
            });
          }}
        />
      )}
      <span className="toolbar-actions">
        {p.editing ? (
          <>
            <button type="button" onClick={p.onAddPanel}>
              Add panel
            </button>
            <button type="button" className="primary" onClick={p.onSave} disabled={p.saving}>
              {p.saving ? "Saving…" : "Save dashboard"}
            </button>
            <button type="button" onClick={p.onCancel}>
              Cancel
            </button>
          </>
        ) : (
          <>
            {p.canEdit && (
              <button type="button" onClick={p.onEdit}>
                Edit
              </button>
            )}
            {p.canEdit && (
              <button type="button" onClick={p.onDuplicate}>
                Duplicate
              </button>
            )}
            <a className="button" href={`/api/v1/clients/${p.slug}/dashboards/${p.dashboardId}/export`} download>
              Export JSON
            </a>
          </>
        )}
      </span>
    </div>
  );
}
