"use client";
import Link from "next/link";
import { useState } from "react";
import { QueryView } from "@/components/ui/query-view";
import { useIncidentsQuery } from "@/lib/hooks/use-alerts";
import { seriesName } from "@/components/charts/series-rows";

/** Incidents, newest first, filtered by state; each opens its timeline. */
export function IncidentsPanel({ slug }: { slug: string }) {
  const [state, setState] = useState<"open" | "resolved" | "all">("open");
  const incidents = useIncidentsQuery(slug, state);
  return (
    <div className="card">
      <label>
        Show{" "}
        <select value={state} onChange={(e) => setState(e.target.value as typeof state)}>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
          <option value="all">All</option>
        </select>
      </label>
      <div style={{ marginTop: 12 }}>
        <QueryView
          query={incidents}
          empty={state === "open" ? "Nothing is firing. Rules are on the Alerts page." : "No incidents."}
        >
          {(list) => (
            <table>
              <thead>
                <tr>
                  <th>State</th>
                  <th>Rule</th>
                  <th>Series</th>
                  <th>Value</th>
                  <th>Since</th>
                </tr>
              </thead>
              <tbody>
                {list.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <span className={`badge state-${i.state}`}>{i.state}</span>{" "}
                      <span className={`badge sev-${i.severity}`}>{i.severity}</span>
                    </td>
                    <td>
                      <Link href={`/${slug}/incidents/${i.id}`}>{i.ruleName}</Link>
                    </td>
                    <td>
                      <code>{seriesName(i.labels)}</code>
                    </td>
                    <td>{i.value ?? "–"}</td>
                    <td>{new Date(i.firedAt ?? i.startedAt).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </div>
    </div>
  );
}
