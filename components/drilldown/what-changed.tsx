"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { Skeleton } from "@/components/ui/skeleton";
import type { DrillDto } from "@/lib/schemas/drilldown";

const num = (v: number | null) => (v === null ? "–" : String(Number(v.toPrecision(4))));
const change = (before: number | null, now: number | null) => {
  if (before === null || now === null) return before === null ? "new" : "gone";
  if (before === 0) return now === 0 ? "±0 %" : "from 0";
  const pct = ((now - before) / Math.abs(before)) * 100;
  return `${pct >= 0 ? "+" : ""}${Number(pct.toPrecision(3))} %`;
};

/** Labels to break the query down by, the one whose values moved most against the previous window first. */
export function WhatChanged({
  drill,
  onBreakDown,
}: {
  drill: UseQueryResult<DrillDto>;
  onBreakDown: (label: string) => void;
}) {
  return (
    <div className="card">
      <h3>What changed most</h3>
      <p className="muted">
        Each label the series carry, by the largest move of one of its values against the window before.
      </p>
      {drill.isPending ? (
        <Skeleton height={160} />
      ) : drill.error ? (
        <div className="alert error" role="alert">
          {drill.error.message}
        </div>
      ) : drill.data.ranked.length === 0 ? (
        <div className="empty">
          No other labels to break this down by: the series are as narrow as they get. Try the raw samples.
        </div>
      ) : (
        <table aria-label="What changed most">
          <thead>
            <tr>
              <th>Label</th>
              <th>Values that moved most (before → now)</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {drill.data.ranked.map((r) => (
              <tr key={r.label}>
                <td>
                  <code>{r.label}</code>
                </td>
                <td>
                  {r.values.slice(0, 3).map((v) => (
                    <div key={v.value}>
                      <code>{v.value || "(none)"}</code>: {num(v.before)} → {num(v.now)}{" "}
                      <span className="muted">({change(v.before, v.now)})</span>
                    </div>
                  ))}
                </td>
                <td>
                  <button type="button" onClick={() => onBreakDown(r.label)}>
                    Break down by {r.label}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
