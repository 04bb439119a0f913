"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { QueryView } from "@/components/ui/query-view";
import { useCreateSilenceMutation, useExpireSilenceMutation, useSilencesQuery } from "@/lib/hooks/use-alerts";
import { useServerForm } from "@/lib/hooks/use-server-form";
import { silenceSchema, type SilenceDto, type SilenceInput } from "@/lib/schemas/silences";

const DURATIONS = [
  [60, "1 hour"],
  [240, "4 hours"],
  [1440, "1 day"],
  [10080, "7 days"],
] as const;
const FIELDS = ["matchers", "comment", "durationMinutes", "recurrence", "timezone"] as const;

/** "Sundays 02:00 for 2 h (Europe/Berlin)" reads better than the cron line alone. */
const windowText = (s: SilenceDto) =>
  `${s.recurrence} for ${s.windowMinutes! % 60 === 0 ? `${s.windowMinutes! / 60} h` : `${s.windowMinutes} min`} (${s.timezone})`;

function SilenceForm({ slug, timeZone }: { slug: string; timeZone: string }) {
  const defaults: SilenceInput = { matchers: "", comment: "", durationMinutes: 60, recurrence: "", timezone: timeZone };
  const [recurring, setRecurring] = useState(false);
  const create = useCreateSilenceMutation(slug);
  const form = useForm<SilenceInput>({ resolver: zodResolver(silenceSchema), defaultValues: defaults });
  const { onSubmit, message } = useServerForm(form, FIELDS, async (values) => {
    const s = await create.mutateAsync(recurring ? values : { ...values, recurrence: undefined });
    form.reset(defaults);
    return s.recurrence
      ? `Maintenance window set: next from ${new Date(s.nextStart!).toLocaleString()}.`
      : `Silenced until ${new Date(s.endsAt).toLocaleString()}.`;
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New silence" style={{ marginTop: 16 }}>
      <div className="form-row">
        <Field label="Matchers" error={e.matchers?.message} hint="alertname is the rule's name">
          <input {...form.register("matchers")} placeholder='{alertname="Disk full", host="db1"}' />
        </Field>
        <Field label={recurring ? "Each window lasts" : "For"} error={e.durationMinutes?.message}>
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
      <label className="inline-check">
        <input type="checkbox" checked={recurring} onChange={(ev) => setRecurring(ev.target.checked)} /> Recurring
        maintenance window
      </label>
      {recurring && (
        <div className="form-row">
          <Field
            label="Opens at (cron)"
            error={e.recurrence?.message}
            hint="minute hour day month weekday: 0 2 * * 0 is Sundays 02:00"
          >
            <input className="mono" {...form.register("recurrence")} placeholder="0 2 * * 0" />
          </Field>
          <Field label="Time zone" error={e.timezone?.message}>
            <input {...form.register("timezone")} placeholder="Europe/Berlin" />
          </Field>
        </div>
      )}
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
export function SilencesPanel({ slug, canManage, timeZone }: { slug: string; canManage: boolean; timeZone: string }) {
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
                <th>When</th>
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
                    {s.active ? (
                      <span className="badge accent">active</span>
                    ) : (
                      <span className="badge">{s.nextStart ? "scheduled" : "ended"}</span>
                    )}{" "}
                    {s.recurrence ? (
                      <>
                        <code>{windowText(s)}</code>
                        {s.nextStart && !s.active && ` · next ${new Date(s.nextStart).toLocaleString()}`}
                      </>
                    ) : (
                      `until ${new Date(s.endsAt).toLocaleString()}`
                    )}
                  </td>
                  {canManage && (
                    <td>
                      {s.nextStart && (
                        <button type="button" onClick={() => expire.mutate(s.id)}>
                          {s.recurrence ? "Stop" : "End now"}
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
      {canManage && <SilenceForm slug={slug} timeZone={timeZone} />}
    </div>
  );
}
