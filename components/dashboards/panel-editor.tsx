"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { PromQLEditor } from "@/components/ui/promql-editor";
import { QueryBuilder } from "./query-builder";
import {
  COMPARE,
  PANEL_TYPE_LABELS,
  PANEL_TYPES,
  panelSchema,
  SERIES_STYLES,
  UNITS,
  type Panel,
  type PanelInput,
} from "@/lib/schemas/dashboards";

const COMPARE_LABELS: Record<(typeof COMPARE)[number], string> = {
  none: "Nothing",
  previous: "The previous period",
  week: "The same window a week ago",
};

/** "80 #c62f3b, 50 #b7791f" ⇄ thresholds. */
const thresholdsText = (p: PanelInput) => (p.options?.thresholds ?? []).map((t) => `${t.value} ${t.color}`).join(", ");
function parseThresholds(text: string) {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [value, color] = s.split(/\s+/);
      return { value: Number(value), color: color ?? "" };
    });
}

type Form = PanelInput & { thresholdsText: string };

/** One panel's settings: title, type, PromQL (with metric-name completion), legend, unit, thresholds. */
export function PanelEditor({
  slug,
  panel,
  onApply,
  onCancel,
}: {
  slug: string;
  panel: Panel;
  onApply: (panel: Panel) => void;
  onCancel: () => void;
}) {
  const form = useForm<Form>({
    defaultValues: { ...panel, thresholdsText: thresholdsText(panel) },
    resolver: (values, ctx, opts) => {
      const { thresholdsText: text, ...rest } = values;
      const input = { ...rest, options: { ...rest.options, thresholds: parseThresholds(text) } };
      return zodResolver(panelSchema)(input, ctx, opts as never) as never;
    },
  });
  const e = form.formState.errors;
  const o = e.options;
  const number = { setValueAs: (v: string) => (v === "" ? undefined : Number(v)) };
  const submit = form.handleSubmit((values) => onApply(values as unknown as Panel));
  return (
    <form className="card panel-editor" aria-label="Panel settings" onSubmit={submit} noValidate>
      <h2>Panel</h2>
      <div className="form-row">
        <Field label="Title" error={e.title?.message}>
          <input {...form.register("title")} />
        </Field>
        <Field label="Visualisation" error={e.type?.message}>
          <select {...form.register("type")}>
            {PANEL_TYPES.map((t) => (
              <option key={t} value={t}>
                {PANEL_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Lines" error={o?.style?.message}>
          <select {...form.register("options.style")}>
            {SERIES_STYLES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <Field label="Compare with" error={o?.compare?.message} hint="Time series: drawn dashed">
          <select {...form.register("options.compare")}>
            {COMPARE.map((c) => (
              <option key={c} value={c}>
                {COMPARE_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field">
        <span className="label">PromQL query</span>
        <Controller
          control={form.control}
          name="query"
          render={({ field }) => <PromQLEditor slug={slug} value={field.value ?? ""} onChange={field.onChange} />}
        />
        <span className="hint">$name stands for a variable: {'{service=~"$service"}'}</span>
        <QueryBuilder slug={slug} onUse={(query) => form.setValue("query", query, { shouldValidate: true })} />
        {e.query?.message && <span className="error">{e.query.message}</span>}
      </div>
      <div className="form-row">
        <Field label="Legend" error={e.legend?.message} hint="{{label}} is filled in, e.g. {{route}}">
          <input {...form.register("legend")} placeholder="{{service}}" />
        </Field>
        <Field label="Unit" error={o?.unit?.message}>
          <select {...form.register("options.unit")}>
            {UNITS.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </Field>
        <Field label="Decimals" error={o?.decimals?.message}>
          <input type="number" inputMode="numeric" {...form.register("options.decimals", number)} />
        </Field>
      </div>
      <div className="form-row">
        <Field
          label="Thresholds"
          error={o?.thresholds?.message ?? o?.thresholds?.[0]?.color?.message}
          hint="value colour, … e.g. 80 #c62f3b"
        >
          <input {...form.register("thresholdsText")} placeholder="50 #b7791f, 80 #c62f3b" />
        </Field>
        <Field label="Gauge min" error={o?.min?.message}>
          <input type="number" step="any" {...form.register("options.min", number)} />
        </Field>
        <Field label="Gauge max" error={o?.max?.message}>
          <input type="number" step="any" {...form.register("options.max", number)} />
        </Field>
      </div>
      <div className="form-actions">
        <button className="primary" type="submit">
          Apply
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
