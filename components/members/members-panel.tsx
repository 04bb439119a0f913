"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { ROLES } from "@/lib/auth/roles";
import { applyServerErrors } from "@/lib/hooks/api-fetch";
import { useAddMemberMutation, useChangeRoleMutation, useMembersQuery, useRemoveMemberMutation } from "@/lib/hooks/use-members";
import { addMemberSchema, type AddMemberInput } from "@/lib/schemas/members";

const FIELDS = ["email", "role", "name", "password"] as const;

function AddMemberForm({ slug }: { slug: string }) {
  const add = useAddMemberMutation(slug);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<AddMemberInput>({ resolver: zodResolver(addMemberSchema), defaultValues: { email: "", role: "viewer", name: "", password: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const m = await add.mutateAsync(values);
      form.reset();
      setMessage(`Added ${m.email} as ${m.role}.`);
    } catch (err) {
      setMessage(applyServerErrors(err, form.setError, FIELDS) || null);
    }
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add member">
      <div className="form-row">
        <Field label="Email" error={e.email?.message}>
          <input type="email" {...form.register("email")} placeholder="person@example.com" />
        </Field>
        <Field label="Role" error={e.role?.message}>
          <select {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </Field>
        <Field label="Name (new accounts)" error={e.name?.message}>
          <input {...form.register("name")} />
        </Field>
        <Field label="First password (new accounts)" error={e.password?.message} hint="Only when the email has no account yet">
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
      </div>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>Add member</button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}

export function MembersPanel({ slug }: { slug: string }) {
  const { data, isPending, error } = useMembersQuery(slug);
  const changeRole = useChangeRoleMutation(slug);
  const remove = useRemoveMemberMutation(slug);
  const actionError = changeRole.error ?? remove.error;
  return (
    <>
      <div className="card">
        <h2>Add a member</h2>
        <AddMemberForm slug={slug} />
      </div>
      <div className="card">
        <h2>Members</h2>
        {actionError && <div className="alert error" role="alert">{actionError.message}</div>}
        {isPending ? (
          <Skeleton height={120} />
        ) : error ? (
          <div className="alert error" role="alert">{error.message}</div>
        ) : data.length === 0 ? (
          <div className="empty">No members yet. Super admins can always open this client.</div>
        ) : (
          <table>
            <thead>
              <tr><th>Name</th><th>Email</th><th>Role</th><th /></tr>
            </thead>
            <tbody>
              {data.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>
                    <select aria-label={`Role of ${m.email}`} value={m.role} onChange={(e) => changeRole.mutate({ id: m.id, role: e.target.value })}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>{r}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button className="danger" type="button" onClick={() => confirm(`Remove ${m.email} from this client?`) && remove.mutate(m.id)}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
