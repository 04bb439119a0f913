"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { useCreateClientMutation, useUpdateClientMutation } from "@/lib/hooks/use-clients";
import { useServerForm } from "@/lib/hooks/use-server-form";
import {
  createClientSchema,
  updateClientSchema,
  type CreateClientInput,
  type UpdateClientInput,
} from "@/lib/schemas/clients";

/** Create (super admins) a client. */
export function CreateClientForm({ onCreated }: { onCreated?: (slug: string) => void }) {
  const create = useCreateClientMutation();
  const form = useForm<CreateClientInput>({
    resolver: zodResolver(createClientSchema),
    defaultValues: { slug: "", name: "", timeZone: "UTC" },
  });
  const { onSubmit, message } = useServerForm(form, ["slug", "name", "timeZone"], async (values) => {
    const c = await create.mutateAsync(values);
    form.reset();
    onCreated?.(c.slug);
    return `Created ${c.name}.`;
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create client">
      <div className="form-row">
        <Field label="Name" error={e.name?.message}>
          <input {...form.register("name")} placeholder="Acme Corp" />
        </Field>
        <Field label="Slug" error={e.slug?.message} hint="Used in URLs, e.g. acme">
          <input {...form.register("slug")} placeholder="acme" />
        </Field>
        <Field label="Time zone" error={e.timeZone?.message}>
          <input {...form.register("timeZone")} list="time-zones" />
        </Field>
      </div>
      <TimeZoneOptions />
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Creating…" : "Create client"}
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}

/** Rename a client or change its time zone (client admins). */
export function EditClientForm({ slug, initial }: { slug: string; initial: { name: string; timeZone: string } }) {
  const update = useUpdateClientMutation(slug);
  const form = useForm<UpdateClientInput>({ resolver: zodResolver(updateClientSchema), defaultValues: initial });
  const { onSubmit, message } = useServerForm(form, ["name", "timeZone"], async (values) => {
    await update.mutateAsync(values);
    return "Saved.";
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit client">
      <div className="form-row">
        <Field label="Name" error={e.name?.message}>
          <input {...form.register("name")} />
        </Field>
        <Field label="Time zone" error={e.timeZone?.message} hint="Reports and day boundaries use it">
          <input {...form.register("timeZone")} list="time-zones" />
        </Field>
      </div>
      <TimeZoneOptions />
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          Save
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}

function TimeZoneOptions() {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  return (
    <datalist id="time-zones">
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}
