"use client";
import { QueryView } from "@/components/ui/query-view";
import { useDeletePolicyMutation, usePoliciesQuery } from "@/lib/hooks/use-alerts";
import { describeTargets, type EscalationStep } from "@/lib/schemas/escalation";
import { PolicyForm } from "./policy-form";

const describeStep = (s: EscalationStep, i: number) =>
  `${i === 0 ? (s.delaySeconds ? `after ${s.delaySeconds} s` : "at once") : `+${s.delaySeconds} s`}: ${describeTargets(s)}`;

/** Who is told when; severities without a policy go to admins and managers at once. */
export function PoliciesPanel({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const policies = usePoliciesQuery(slug);
  const remove = useDeletePolicyMutation(slug);
  return (
    <>
      <h2 style={{ marginTop: 28 }}>Escalation</h2>
      <div className="card">
        <QueryView query={policies} empty="No policies: every firing incident emails the admins and managers at once.">
          {(list) => (
            <table>
              <thead>
                <tr>
                  <th>Policy</th>
                  <th>Severities</th>
                  <th>Steps</th>
                  {canEdit && <th aria-label="Actions" />}
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <strong>{p.name}</strong>
                    </td>
                    <td>
                      {p.severities.map((s) => (
                        <span key={s} className={`badge sev-${s}`}>
                          {s}
                        </span>
                      ))}
                    </td>
                    <td>
                      <ol className="timeline">
                        {p.steps.map((s, i) => (
                          <li key={i}>{describeStep(s, i)}</li>
                        ))}
                      </ol>
                      {p.repeat > 0 && (
                        <span className="muted">
                          then {p.repeat}× again, {p.repeatDelaySeconds} s apart
                        </span>
                      )}
                    </td>
                    {canEdit && (
                      <td>
                        <button type="button" onClick={() => confirm(`Delete “${p.name}”?`) && remove.mutate(p.id)}>
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
      {canEdit && <PolicyForm slug={slug} />}
    </>
  );
}
