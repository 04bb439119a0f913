"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { useCreateAlertRuleMutation } from "@/lib/hooks/use-alerts";
import { useServerForm } from "@/lib/hooks/use-server-form";
import { alertRuleSchema, COMPARATORS, SEVERITIES, type AlertRuleInput } from "@/lib/schemas/alert-rules";
import { QueryPreview } from "./query-preview";

const FIELDS = [
  "name",
  "query",
  "comparator",
  "threshold",
  "forSeconds",
  "intervalSeconds",
  "severity",
  "summary",
] as const;
const DEFAULTS: AlertRuleInput = {
  name: "",
  query: "",
  comparator: ">",
  threshold: 0,
  forSeconds: 60,
  intervalSeconds: 10,
  severity: "warning",
  summary: "",
  recoveryMargin: 0,
  recoveryEvaluations: 1,
  noData: "ok",
};

/** A new threshold rule, with the query previewed over the last day and the threshold drawn on it. */
export function RuleForm({ slug }: { slug: string }) {
  const create = useCreateAlertRuleMutation(slug);
  const form = useForm<AlertRuleInput>({ resolver: zodResolver(alertRuleSchema), defaultValues: DEFAULTS });
  const { onSubmit, message } = useServerForm(form, FIELDS, async (values) => {
    const rule = await create.mutateAsync(values);
    form.reset(DEFAULTS);
    return `“${rule.name}” is live: evaluated every ${rule.intervalSeconds} s.`;
  });
  const e = form.formState.errors;
  const number = { valueAsNumber: true } as const;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New alert rule" className="card">
      <h2>New rule</h2>
      <div className="form-row">
        <Field label="Name" error={e.name?.message}>
          <input {...form.register("name")} placeholder="Queue too deep" />
        </Field>
        <Field label="Severity" error={e.severity?.message}>
          <select {...form.register("severity")}>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="PromQL query" error={e.query?.message} hint="Each series it returns is compared with the threshold">
        <textarea
          rows={2}
          className="mono"
          spellCheck={false}
          {...form.register("query")}
          placeholder="sum by (queue) (queue_depth)"
        />
      </Field>
      <div className="form-row">
        <Field label="Fires when the value is" error={e.comparator?.message}>
          <select {...form.register("comparator")}>
            {COMPARATORS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
        <Field label="Threshold" error={e.threshold?.message}>
          <input type="number" step="any" inputMode="decimal" {...form.register("threshold", number)} />
        </Field>
        <Field label="For (s)" error={e.forSeconds?.message} hint="How long a breach lasts before it fires">
          <input type="number" inputMode="numeric" {...form.register("forSeconds", number)} />
        </Field>
        <Field label="Every (s)" error={e.intervalSeconds?.message} hint="Evaluation interval, at least 5">
          <input type="number" inputMode="numeric" {...form.register("intervalSeconds", number)} />
        </Field>
      </div>
      <div className="form-row">
        <Field label="Recovery margin" error={e.recoveryMargin?.message} hint="Resolve only this far back inside">
          <input type="number" step="any" inputMode="decimal" {...form.register("recoveryMargin", number)} />
        </Field>
        <Field
          label="Recover after (evaluations)"
          error={e.recoveryEvaluations?.message}
          hint="In a row, so a dip does not resolve it"
        >
          <input type="number" inputMode="numeric" {...form.register("recoveryEvaluations", number)} />
        </Field>
        <Field label="When a series has no data" error={e.noData?.message}>
          <select {...form.register("noData")}>
            <option value="ok">Treat as recovered</option>
            <option value="keep">Keep the state</option>
            <option value="alert">Alert</option>
          </select>
        </Field>
      </div>
      <Field label="Summary" error={e.summary?.message} hint="{{ $labels.queue }} and {{ $value }} are filled in">
        <input {...form.register("summary")} placeholder="{{ $labels.queue }} has {{ $value }} jobs waiting" />
      </Field>
      <div style={{ marginTop: 12 }}>
        <QueryPreview slug={slug} query={form.watch("query") ?? ""} threshold={form.watch("threshold")} />
      </div>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          Create rule
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}
