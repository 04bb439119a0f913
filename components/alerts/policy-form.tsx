"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFieldArray, useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { useCreatePolicyMutation } from "@/lib/hooks/use-alerts";
import { useMembersQuery } from "@/lib/hooks/use-members";
import { useServerForm } from "@/lib/hooks/use-server-form";
import { SEVERITIES } from "@/lib/schemas/alert-rules";
import { escalationPolicySchema, type EscalationPolicyInput } from "@/lib/schemas/escalation";

const ROLES = ["admin", "manager", "viewer"] as const;
const FIELDS = ["name", "severities", "steps", "repeat", "repeatDelaySeconds"] as const;
type Values = {
  name: string;
  severities: string[];
  steps: { delaySeconds: number; roles: string[]; members: string[]; emails: string; webhooks: string }[];
  repeat: number;
  repeatDelaySeconds: number;
};
const DEFAULTS: Values = {
  name: "",
  severities: ["critical"],
  steps: [{ delaySeconds: 0, roles: ["manager"], members: [], emails: "", webhooks: "" }],
  repeat: 0,
  repeatDelaySeconds: 600,
};

/** Emails typed comma-separated, webhooks one per line ("kind url [secret]"), become the schema's lists. */
const toInput = (v: Values) => ({
  ...v,
  steps: v.steps.map((s) => ({
    ...s,
    emails: s.emails.split(/[\s,]+/).filter(Boolean),
    webhooks: s.webhooks
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([kind, url, secret]) => ({ kind, url: url ?? "", ...(secret ? { secret } : {}) })),
  })),
});

/** A step's message: the step itself ("needs a target") or its first bad address. */
function stepError(err: unknown): string | undefined {
  const e = err as { message?: string; root?: { message?: string }; emails?: unknown; webhooks?: unknown } | undefined;
  return e?.root?.message ?? e?.message ?? firstMessage(e?.emails) ?? firstMessage(e?.webhooks);
}

/** The first message anywhere in a nested error (list items, their fields). */
function firstMessage(err: unknown): string | undefined {
  if (!err || typeof err !== "object") return undefined;
  const e = err as { message?: unknown };
  if (typeof e.message === "string") return e.message;
  for (const v of Object.values(err)) {
    const found = firstMessage(v);
    if (found) return found;
  }
  return undefined;
}

export function PolicyForm({ slug }: { slug: string }) {
  const create = useCreatePolicyMutation(slug);
  const members = useMembersQuery(slug);
  const form = useForm<Values>({
    defaultValues: DEFAULTS,
    // Validated with the API's schema after the emails are split.
    resolver: (values, ctx, opts) =>
      zodResolver(escalationPolicySchema)(toInput(values) as never, ctx, opts as never) as never,
  });
  const steps = useFieldArray({ control: form.control, name: "steps" });
  const { onSubmit, message } = useServerForm(form, FIELDS, async (values) => {
    // The resolver hands over the schema's output: emails are a list by now.
    const policy = await create.mutateAsync(values as unknown as EscalationPolicyInput);
    form.reset(DEFAULTS);
    return `“${policy.name}” now handles ${policy.severities.join(", ")} incidents.`;
  });
  const e = form.formState.errors;
  const number = { valueAsNumber: true } as const;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New escalation policy" className="card">
      <h2>New escalation policy</h2>
      <div className="form-row">
        <Field label="Name" error={e.name?.message}>
          <input {...form.register("name")} placeholder="Paging for critical incidents" />
        </Field>
        <fieldset className="checks">
          <legend>Severities</legend>
          {SEVERITIES.map((s) => (
            <label key={s}>
              <input type="checkbox" value={s} {...form.register("severities")} /> {s}
            </label>
          ))}
          {e.severities && <span className="error">{e.severities.message}</span>}
        </fieldset>
      </div>
      {steps.fields.map((f, i) => (
        <fieldset key={f.id} className="step">
          <legend>Step {i + 1}</legend>
          <div className="form-row">
            <Field
              label={i === 0 ? "After firing (s)" : "After the previous step (s)"}
              error={e.steps?.[i]?.delaySeconds?.message}
            >
              <input type="number" inputMode="numeric" {...form.register(`steps.${i}.delaySeconds`, number)} />
            </Field>
            <fieldset className="checks">
              <legend>Members with role</legend>
              {ROLES.map((r) => (
                <label key={r}>
                  <input type="checkbox" value={r} {...form.register(`steps.${i}.roles`)} /> {r}
                </label>
              ))}
            </fieldset>
            {members.data && members.data.length > 0 && (
              <fieldset className="checks">
                <legend>Members by name</legend>
                {members.data.map((m) => (
                  <label key={m.userId}>
                    <input type="checkbox" value={m.email} {...form.register(`steps.${i}.members`)} />{" "}
                    {m.name || m.email}
                  </label>
                ))}
              </fieldset>
            )}
            <Field label="Other email addresses" error={stepError(e.steps?.[i])} hint="Comma-separated">
              <input {...form.register(`steps.${i}.emails`)} placeholder="oncall@agency.example" />
            </Field>
          </div>
          <Field
            label="Webhooks"
            hint="One per line: “webhook URL secret” (signed), “slack URL”, or “alertmanager URL”"
          >
            <textarea
              rows={2}
              spellCheck={false}
              {...form.register(`steps.${i}.webhooks`)}
              placeholder="slack https://hooks.slack.com/services/…"
            />
          </Field>
          {steps.fields.length > 1 && (
            <button type="button" onClick={() => steps.remove(i)}>
              Remove step {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => steps.append({ delaySeconds: 300, roles: [], members: [], emails: "", webhooks: "" })}
      >
        Add a step
      </button>
      <div className="form-row" style={{ marginTop: 12 }}>
        <Field label="Repeat the steps (times)" error={e.repeat?.message} hint="While nobody acknowledges">
          <input type="number" inputMode="numeric" {...form.register("repeat", number)} />
        </Field>
        <Field label="Pause before repeating (s)" error={e.repeatDelaySeconds?.message}>
          <input type="number" inputMode="numeric" {...form.register("repeatDelaySeconds", number)} />
        </Field>
      </div>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          Create policy
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}
