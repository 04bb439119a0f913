"use client";
import type { UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { COMPARATORS, type AlertRuleDto, type AlertRuleInput } from "@/lib/schemas/alert-rules";

const number = { valueAsNumber: true } as const;

/** The settings of the chosen kind: threshold and comparator, windows, baseline, rules to combine. */
export function RuleKindFields({ form, rules }: { form: UseFormReturn<AlertRuleInput>; rules: AlertRuleDto[] }) {
  const kind = form.watch("kind") ?? "threshold";
  const e = form.formState.errors;
  const pe = e.params ?? {};
  const comparison = (label: string, unit: string) => (
    <>
      <Field label={label} error={e.comparator?.message}>
        <select {...form.register("comparator")}>
          {COMPARATORS.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </Field>
      <Field label={`Threshold${unit}`} error={e.threshold?.message}>
        <input type="number" step="any" inputMode="decimal" {...form.register("threshold", number)} />
      </Field>
    </>
  );
  const forField = (
    <Field label="For (s)" error={e.forSeconds?.message} hint="How long a breach lasts before it fires">
      <input type="number" inputMode="numeric" {...form.register("forSeconds", number)} />
    </Field>
  );
  switch (kind) {
    case "threshold":
      return (
        <div className="form-row">
          {comparison("Fires when the value is", "")}
          {forField}
        </div>
      );
    case "change":
      return (
        <div className="form-row">
          {comparison("Fires when the change is", " (%)")}
          <Field label="Compared with (s ago)" error={pe.windowSeconds?.message} hint="3600 = the value an hour ago">
            <input type="number" inputMode="numeric" {...form.register("params.windowSeconds", number)} />
          </Field>
          {forField}
        </div>
      );
    case "anomaly":
      return (
        <div className="form-row">
          <Field label="Baseline" error={pe.baseline?.message}>
            <select {...form.register("params.baseline")}>
              <option value="rolling">The window before now</option>
              <option value="last_week">Same time last week</option>
            </select>
          </Field>
          <Field label="Window (s)" error={pe.windowSeconds?.message} hint="Mean and σ are taken over it">
            <input type="number" inputMode="numeric" {...form.register("params.windowSeconds", number)} />
          </Field>
          <Field label="k (σ)" error={pe.k?.message} hint="Fires outside mean ± k·σ">
            <input type="number" step="any" inputMode="decimal" {...form.register("params.k", number)} />
          </Field>
          {forField}
        </div>
      );
    case "absence":
      return (
        <div className="form-row">
          <Field label="Absent for (s)" error={pe.absentSeconds?.message} hint="No sample (or event) for this long">
            <input type="number" inputMode="numeric" {...form.register("params.absentSeconds", number)} />
          </Field>
          <Field label="Or watch an event" error={pe.event?.message} hint="An event name instead of a selector">
            <input {...form.register("params.event")} placeholder="order_placed" />
          </Field>
        </div>
      );
    case "composite":
      return (
        <div className="form-row">
          <Field label="Fires when" error={pe.operator?.message}>
            <select {...form.register("params.operator")}>
              <option value="and">All of these fire</option>
              <option value="or">Any of these fires</option>
            </select>
          </Field>
          <fieldset className="checks" aria-label="Rules to combine">
            <legend>Rules</legend>
            {rules.filter((r) => r.kind !== "composite").length === 0 && (
              <span className="hint">No rules to combine yet</span>
            )}
            {rules
              .filter((r) => r.kind !== "composite")
              .map((r) => (
                <label key={r.id}>
                  <input type="checkbox" value={r.id} {...form.register("params.ruleIds")} /> {r.name}
                </label>
              ))}
            {pe.ruleIds?.message && <span className="error">{pe.ruleIds.message}</span>}
          </fieldset>
        </div>
      );
  }
}
