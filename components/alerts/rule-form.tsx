"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { useCreateAlertRuleMutation, useUpdateAlertRuleMutation } from "@/lib/hooks/use-alerts";
import { useServerForm } from "@/lib/hooks/use-server-form";
import {
  alertRuleSchema,
  RULE_KINDS,
  SEVERITIES,
  type AlertRuleDto,
  type AlertRuleInput,
} from "@/lib/schemas/alert-rules";
import { BacktestPanel } from "./backtest-panel";
import { QueryPreview } from "./query-preview";
import { forKind, KIND_LABELS } from "./rule-kind";
import { RuleKindFields } from "./rule-kind-fields";

const FIELDS = [
  "name",
  "kind",
  "query",
  "comparator",
  "threshold",
  "forSeconds",
  "intervalSeconds",
  "severity",
  "summary",
  "params.windowSeconds",
  "params.baseline",
  "params.k",
  "params.absentSeconds",
  "params.event",
  "params.operator",
  "params.ruleIds",
] as const;
const DEFAULTS: AlertRuleInput = {
  name: "",
  kind: "threshold",
  query: "",
  comparator: ">",
  threshold: 0,
  params: {
    windowSeconds: 3600,
    baseline: "rolling",
    k: 3,
    absentSeconds: 300,
    event: "",
    operator: "and",
    ruleIds: [],
  },
  forSeconds: 60,
  intervalSeconds: 10,
  severity: "warning",
  summary: "",
  recoveryMargin: 0,
  recoveryEvaluations: 1,
  noData: "ok",
  enabled: true,
};
const QUERY_HINT: Record<string, string> = {
  threshold: "Each series it returns is compared with the threshold",
  change: "Each series' value now is compared with its value a window ago",
  anomaly: "Each series is compared with the band of its own baseline",
  absence: 'A series selector: each matching series that stops arriving fires, e.g. heartbeat_total{job="sync"}',
};

// Validates only what the chosen kind uses; the other kinds' inputs stay in the form untouched.
const resolver: Resolver<AlertRuleInput> = (values, ctx, opts) =>
  zodResolver(alertRuleSchema)(forKind(values), ctx, opts) as ReturnType<Resolver<AlertRuleInput>>;

/** The form's values for an existing rule: its own settings over the defaults of the others. */
const valuesOf = (rule: AlertRuleDto): AlertRuleInput => {
  const { id: _id, lastEvaluatedAt: _l, lastError: _e, createdAt: _c, updatedAt: _u, ...input } = rule;
  return { ...input, params: { ...DEFAULTS.params, ...rule.params } };
};

/**
 * A rule of any kind, new or being edited, its query previewed over the last day and
 * backtested over a week. Editing keeps the rule's incidents; `onDone` closes the editor.
 */
export function RuleForm({
  slug,
  rules,
  editing,
  onDone,
}: {
  slug: string;
  rules: AlertRuleDto[];
  editing?: AlertRuleDto;
  onDone?: () => void;
}) {
  const create = useCreateAlertRuleMutation(slug);
  const update = useUpdateAlertRuleMutation(slug);
  const form = useForm<AlertRuleInput>({ resolver, defaultValues: editing ? valuesOf(editing) : DEFAULTS });
  const { onSubmit, message } = useServerForm(form, FIELDS, async (values) => {
    if (editing) {
      const rule = await update.mutateAsync({ id: editing.id, input: forKind(values) });
      onDone?.();
      return `“${rule.name}” saved.`;
    }
    const rule = await create.mutateAsync(forKind(values));
    form.reset(DEFAULTS);
    return `“${rule.name}” is live: evaluated every ${rule.intervalSeconds} s.`;
  });
  const e = form.formState.errors;
  const number = { valueAsNumber: true } as const;
  const kind = form.watch("kind") ?? "threshold";
  const usesQuery = kind !== "composite" && !(kind === "absence" && form.watch("params.event"));
  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? "Edit alert rule" : "New alert rule"} className="card">
      <h2>{editing ? `Edit “${editing.name}”` : "New rule"}</h2>
      <div className="form-row">
        <Field label="Name" error={e.name?.message}>
          <input {...form.register("name")} placeholder="Queue too deep" />
        </Field>
        <Field label="Kind" error={e.kind?.message}>
          <select {...form.register("kind")}>
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Severity" error={e.severity?.message}>
          <select {...form.register("severity")}>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <Field label="Every (s)" error={e.intervalSeconds?.message} hint="Evaluation interval, at least 5">
          <input type="number" inputMode="numeric" {...form.register("intervalSeconds", number)} />
        </Field>
      </div>
      {usesQuery && (
        <Field
          label={kind === "absence" ? "Series selector" : "PromQL query"}
          error={e.query?.message}
          hint={QUERY_HINT[kind]}
        >
          <textarea
            rows={2}
            className="mono"
            spellCheck={false}
            {...form.register("query")}
            placeholder={kind === "absence" ? 'heartbeat_total{job="sync"}' : "sum by (queue) (queue_depth)"}
          />
        </Field>
      )}
      <RuleKindFields form={form} rules={rules} />
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
      <label className="inline-check">
        <input type="checkbox" {...form.register("enabled")} /> Evaluate this rule (clear to pause it)
      </label>
      {usesQuery && kind !== "absence" && (
        <div style={{ marginTop: 12 }}>
          <QueryPreview
            slug={slug}
            query={form.watch("query") ?? ""}
            threshold={kind === "threshold" ? form.watch("threshold") : undefined}
          />
          <BacktestPanel slug={slug} rule={forKind(form.watch())} />
        </div>
      )}
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          {editing ? "Save rule" : "Create rule"}
        </button>
        {editing && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}
