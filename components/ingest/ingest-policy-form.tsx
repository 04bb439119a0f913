"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { useIngestPolicyQuery, useUpdateIngestPolicyMutation } from "@/lib/hooks/use-ingest-policy";
import { useServerForm } from "@/lib/hooks/use-server-form";
import { ingestPolicySchema, type IngestPolicyDto, type IngestPolicyInput } from "@/lib/schemas/ingest-policy";

const FIELDS = [
  "maxSeries",
  "maxNewSeriesPerDay",
  "metricMinIntervalSec",
  "traceSampleRatio",
  "keepErrorSpans",
  "slowSpanMs",
] as const;

function PolicyForm({ slug, initial }: { slug: string; initial: IngestPolicyDto }) {
  const update = useUpdateIngestPolicyMutation(slug);
  const form = useForm<IngestPolicyInput>({ resolver: zodResolver(ingestPolicySchema), defaultValues: initial });
  const { onSubmit, message } = useServerForm(form, FIELDS, async (values) => {
    await update.mutateAsync({ ...values, slowSpanMs: values.slowSpanMs === "" ? null : values.slowSpanMs });
    return "Saved. Ingest applies it within 10 seconds.";
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ingest policy">
      {initial.isDefault && (
        <p className="muted">This client uses the install&apos;s defaults. Saving makes them its own.</p>
      )}
      <h2>Cardinality limits</h2>
      <div className="form-row">
        <Field
          label="Series in all"
          error={e.maxSeries?.message}
          hint="New series beyond this are refused with a reason"
        >
          <input type="number" inputMode="numeric" {...form.register("maxSeries")} />
        </Field>
        <Field label="New series per day" error={e.maxNewSeriesPerDay?.message} hint="Guards against label explosions">
          <input type="number" inputMode="numeric" {...form.register("maxNewSeriesPerDay")} />
        </Field>
      </div>
      <h2 style={{ marginTop: 20 }}>Sampling</h2>
      <div className="form-row">
        <Field
          label="Metric minimum interval (s)"
          error={e.metricMinIntervalSec?.message}
          hint="0 keeps every sample; 60 keeps one per series per minute"
        >
          <input type="number" inputMode="numeric" {...form.register("metricMinIntervalSec")} />
        </Field>
        <Field
          label="Trace sample ratio"
          error={e.traceSampleRatio?.message}
          hint="1 keeps all traces; 0.1 keeps one in ten (counts are corrected)"
        >
          <input type="number" step="0.01" inputMode="decimal" {...form.register("traceSampleRatio")} />
        </Field>
        <Field label="Always keep spans slower than (ms)" error={e.slowSpanMs?.message} hint="Empty: no latency rule">
          <input
            type="number"
            inputMode="numeric"
            {...form.register("slowSpanMs", { setValueAs: (v) => (v === "" || v === null ? null : Number(v)) })}
          />
        </Field>
      </div>
      <label style={{ display: "flex", gap: 8, marginTop: 12 }}>
        <input type="checkbox" {...form.register("keepErrorSpans")} /> Always keep spans with an error status
      </label>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          Save policy
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}

export function IngestPolicyPanel({ slug }: { slug: string }) {
  const policy = useIngestPolicyQuery(slug);
  if (policy.isPending) return <Skeleton height={320} />;
  if (policy.error)
    return (
      <div className="alert error" role="alert">
        {policy.error.message}
      </div>
    );
  return <PolicyForm slug={slug} initial={policy.data} />;
}
