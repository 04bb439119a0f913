"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { QueryView } from "@/components/ui/query-view";
import { API_KEY_SCOPES } from "@/lib/auth/roles";
import { useServerForm } from "@/lib/hooks/use-server-form";
import { useApiKeysQuery, useCreateApiKeyMutation, useRevokeApiKeyMutation } from "@/lib/hooks/use-api-keys";
import { createApiKeySchema, type CreateApiKeyInput, type CreatedApiKeyDto } from "@/lib/schemas/api-keys";

function NewKeyNotice({ created, onDone }: { created: CreatedApiKeyDto; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="alert success" role="status">
      <p>
        <strong>{created.name}</strong> is ready. Copy it now: it is shown only this once.
      </p>
      <div className="secret" data-testid="new-api-key">
        {created.key}
      </div>
      <div className="form-actions">
        <button type="button" onClick={() => navigator.clipboard?.writeText(created.key).then(() => setCopied(true))}>
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

export function ApiKeysPanel({ slug }: { slug: string }) {
  const keys = useApiKeysQuery(slug);
  const create = useCreateApiKeyMutation(slug);
  const revoke = useRevokeApiKeyMutation(slug);
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);
  const form = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "", scopes: ["ingest"] },
  });
  const { onSubmit, message } = useServerForm(form, ["name", "scopes"], async (values) => {
    setCreated(await create.mutateAsync(values));
    form.reset();
    return null;
  });
  const e = form.formState.errors;
  return (
    <>
      <div className="card">
        <h2>Create an API key</h2>
        {created && <NewKeyNotice created={created} onDone={() => setCreated(null)} />}
        <form onSubmit={onSubmit} noValidate aria-label="Create API key">
          <div className="form-row">
            <Field label="Name" error={e.name?.message} hint="What uses it, e.g. prometheus-prod">
              <input {...form.register("name")} />
            </Field>
            <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontWeight: 550, fontSize: 13 }}>Scopes</legend>
              <div className="scopes">
                {API_KEY_SCOPES.map((s) => (
                  <label key={s}>
                    <input type="checkbox" value={s} {...form.register("scopes")} /> {s}
                  </label>
                ))}
              </div>
              {e.scopes && <span className="error">{e.scopes.message}</span>}
            </fieldset>
          </div>
          <div className="form-actions">
            <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
              Create key
            </button>
            {message && <span role="status">{message}</span>}
          </div>
        </form>
      </div>
      <div className="card">
        <h2>Keys</h2>
        {revoke.error && (
          <div className="alert error" role="alert">
            {revoke.error.message}
          </div>
        )}
        <QueryView query={keys} empty="No API keys yet. Create one to send data or query from Grafana.">
          {(data) => (
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Key</th>
                  <th>Scopes</th>
                  <th>Last used</th>
                  <th>Status</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}</td>
                    <td>
                      <code>tt_{k.prefix}_…</code>
                    </td>
                    <td>{k.scopes.join(", ")}</td>
                    <td>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : "never"}</td>
                    <td>
                      {k.revokedAt ? (
                        <span className="badge danger">revoked</span>
                      ) : (
                        <span className="badge ok">active</span>
                      )}
                    </td>
                    <td>
                      {!k.revokedAt && (
                        <button
                          className="danger"
                          type="button"
                          onClick={() =>
                            confirm(`Revoke ${k.name}? Senders using it will be refused.`) && revoke.mutate(k.id)
                          }
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </div>
    </>
  );
}
