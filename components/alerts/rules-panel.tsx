"use client";
import { useState } from "react";
import { QueryView } from "@/components/ui/query-view";
import { useAlertRulesQuery, useDeleteAlertRuleMutation } from "@/lib/hooks/use-alerts";
import { RuleForm } from "./rule-form";
import { firesWhen, KIND_LABELS } from "./rule-kind";

const ago = (iso: string | null) => {
  if (!iso) return "not yet";
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 90 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
};

/** The client's rules; admins also get the form and delete buttons. */
export function RulesPanel({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const rules = useAlertRulesQuery(slug);
  const remove = useDeleteAlertRuleMutation(slug);
  const names = new Map((rules.data ?? []).map((r) => [r.id, r.name]));
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = rules.data?.find((r) => r.id === editingId);
  return (
    <>
      <div className="card">
        {remove.error && <div className="alert error">{remove.error.message}</div>}
        <QueryView
          query={rules}
          empty={canEdit ? "No rules yet: create one below." : "No rules yet. Admins create them here."}
        >
          {(list) => (
            <table>
              <thead>
                <tr>
                  <th>Rule</th>
                  <th>Fires when</th>
                  <th>Severity</th>
                  <th>Last evaluated</th>
                  {canEdit && <th aria-label="Actions" />}
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <strong>{r.name}</strong>
                      {!r.enabled && <span className="badge"> paused</span>}
                      <div>
                        <span className="badge">{KIND_LABELS[r.kind]}</span>{" "}
                        {r.query ? <code>{r.query}</code> : r.params.event && <code>event {r.params.event}</code>}
                      </div>
                    </td>
                    <td>{firesWhen(r, names)}</td>
                    <td>
                      <span className={`badge sev-${r.severity}`}>{r.severity}</span>
                    </td>
                    <td>
                      {r.lastError ? (
                        <span className="error" title={r.lastError}>
                          failed: {r.lastError}
                        </span>
                      ) : (
                        ago(r.lastEvaluatedAt)
                      )}
                    </td>
                    {canEdit && (
                      <td className="actions">
                        <button type="button" onClick={() => setEditingId(r.id)}>
                          Edit
                        </button>{" "}
                        <button
                          type="button"
                          onClick={() => confirm(`Delete “${r.name}” and its incidents?`) && remove.mutate(r.id)}
                        >
                          Delete
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </div>
      {canEdit && editing && (
        <RuleForm
          key={editing.id}
          slug={slug}
          rules={rules.data ?? []}
          editing={editing}
          onDone={() => setEditingId(null)}
        />
      )}
      {canEdit && !editing && <RuleForm slug={slug} rules={rules.data ?? []} />}
    </>
  );
}
