"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { QueryView } from "@/components/ui/query-view";
import { useCreateSilenceMutation, useExpireSilenceMutation, useSilencesQuery } from "@/lib/hooks/use-alerts";
import { useServerForm } from "@/lib/hooks/use-server-form";
import { silenceSchema, type SilenceInput } from "@/lib/schemas/silences";

const DURATIONS = [
  [60, "1 hour"],
  [240, "4 hours"],
  [1440, "1 day"],
  [10080, "7 days"],
] as const;
const DEFAULTS: SilenceInput = { matchers: "", comment: "", durationMinutes: 60 };

function SilenceForm({ slug }: { slug: string }) {
  const create = useCreateSilenceMutation(slug);
  const form = useForm<SilenceInput>({ resolver: zodResolver(silenceSchema), defaultValues: DEFAULTS });
  const { onSubmit, message } = useServerForm(form, ["matchers", "comment", "durationMinutes"], async (values) => {
    const s = await create.mutateAsync(values);
    form.reset(DEFAULTS);
    return `Silenced until ${new Date(s.endsAt).toLocaleString()}.`;
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New silence" style={{ marginTop: 16 }}>
      <div className="form-row">
        <Field label="Matchers" error={e.matchers?.message} hint="alertname is the rule's name">
          <input {...form.register("matchers")} placeholder='{alertname="Disk full", host="db1"}' />
        </Field>
        <Field label="For" error={e.durationMinutes?.message}>
          <select {...form.register("durationMinutes", { valueAsNumber: true })}>
            {DURATIONS.map(([m, label]) => (
              <option key={m} value={m}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Why" error={e.comment?.message}>
          <input {...form.register("comment")} placeholder="Planned maintenance" />
        </Field>
      </div>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          Silence
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}

/** Silences: they hold notifications of matching incidents; evaluation and timelines go on. */
export function SilencesPanel({ slug, canManage }: { slug: string; canManage: boolean }) {
  const silences = useSilencesQuery(slug);
  const expire = useExpireSilenceMutation(slug);
  return (
    <div className="card">
      <h2>Silences</h2>
      <QueryView query={silences} empty="No silences. Managers add one for planned work.">
        {(list) => (
          <table>
            <thead>
              <tr>
                <th>Matchers</th>
                <th>Why</th>
                <th>Until</th>
                {canManage && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <td>
                    <code>{s.matchers}</code>
                  </td>
                  <td>
                    {s.comment} <span className="muted">· {s.createdBy}</span>
                  </td>
                  <td>
                    {s.active ? <span className="badge accent">active</span> : <span className="badge">ended</span>}{" "}
                    {new Date(s.endsAt).toLocaleString()}
                  </td>
                  {canManage && (
                    <td>
                      {s.active && (
                        <button type="button" onClick={() => expire.mutate(s.id)}>
                          End now
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {canManage && <SilenceForm slug={slug} />}
    </div>
  );
}
