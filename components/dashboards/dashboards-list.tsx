"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { QueryView } from "@/components/ui/query-view";
import {
  useCreateDashboardMutation,
  useDashboardsQuery,
  useDeleteDashboardMutation,
  useDuplicateDashboardMutation,
} from "@/lib/hooks/use-dashboards";
import { useServerForm } from "@/lib/hooks/use-server-form";
import { dashboardSchema, type DashboardInput } from "@/lib/schemas/dashboards";

/** A new, empty dashboard; it opens in edit mode. */
function NewDashboardForm({ slug }: { slug: string }) {
  const router = useRouter();
  const create = useCreateDashboardMutation(slug);
  const form = useForm<DashboardInput>({
    resolver: zodResolver(dashboardSchema),
    defaultValues: { title: "", description: "" },
  });
  const { onSubmit, message } = useServerForm(form, ["title", "description"], async (values) => {
    const d = await create.mutateAsync(values);
    router.push(`/${slug}/dashboards/${d.id}?edit=1`);
    return null;
  });
  const e = form.formState.errors;
  return (
    <form className="card" onSubmit={onSubmit} aria-label="New dashboard" noValidate>
      <h2>New dashboard</h2>
      <div className="form-row">
        <Field label="Title" error={e.title?.message}>
          <input {...form.register("title")} placeholder="Checkout health" />
        </Field>
        <Field label="Description" error={e.description?.message}>
          <input {...form.register("description")} placeholder="What it is for" />
        </Field>
      </div>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          Create dashboard
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}

/** Import: paste an exported JSON document (or pick its file); errors name the bad field. */
function ImportForm({ slug }: { slug: string }) {
  const router = useRouter();
  const create = useCreateDashboardMutation(slug);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setError(null);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return setError("That is not JSON: paste the file Export JSON saved.");
    }
    try {
      const d = await create.mutateAsync(doc as DashboardInput);
      router.push(`/${slug}/dashboards/${d.id}`);
    } catch (err) {
      const e = err as Error & { details?: { path?: string; reason: string }[] };
      setError([e.message, ...(e.details ?? []).map((d) => `${d.path ?? ""}: ${d.reason}`)].join(" · "));
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Import dashboard">
      <h2>Import</h2>
      <Field label="Dashboard JSON" error={error ?? undefined} hint="From Export JSON on any Telltale dashboard">
        <textarea rows={4} className="mono" value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <input
        type="file"
        accept="application/json,.json"
        aria-label="Dashboard file"
        onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? "")}
      />
      <div className="form-actions">
        <button type="submit" disabled={!text.trim() || create.isPending}>
          Import dashboard
        </button>
      </div>
    </form>
  );
}

/** The client's dashboards; managers create, import, duplicate and delete them. */
export function DashboardsList({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const router = useRouter();
  const dashboards = useDashboardsQuery(slug);
  const duplicate = useDuplicateDashboardMutation(slug);
  const remove = useDeleteDashboardMutation(slug);
  return (
    <>
      <div className="card">
        {(duplicate.error || remove.error) && (
          <div className="alert error">{(duplicate.error ?? remove.error)!.message}</div>
        )}
        <QueryView
          query={dashboards}
          empty={canEdit ? "No dashboards yet: create one below, or import one." : "No dashboards yet."}
        >
          {(list) => (
            <table>
              <thead>
                <tr>
                  <th>Dashboard</th>
                  <th>Panels</th>
                  <th>Changed</th>
                  {canEdit && <th aria-label="Actions" />}
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link href={`/${slug}/dashboards/${d.id}`}>{d.title}</Link>
                      {d.description && <div className="muted">{d.description}</div>}
                    </td>
                    <td>{d.panels}</td>
                    <td>
                      {new Date(d.updatedAt).toLocaleString()} <span className="muted">· by {d.createdBy}</span>
                    </td>
                    {canEdit && (
                      <td className="actions">
                        <button
                          type="button"
                          onClick={async () =>
                            router.push(`/${slug}/dashboards/${(await duplicate.mutateAsync(d.id)).id}`)
                          }
                        >
                          Duplicate
                        </button>{" "}
                        <button type="button" onClick={() => confirm(`Delete “${d.title}”?`) && remove.mutate(d.id)}>
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
      {canEdit && (
        <div className="grid cols-2">
          <NewDashboardForm slug={slug} />
          <ImportForm slug={slug} />
        </div>
      )}
    </>
  );
}
