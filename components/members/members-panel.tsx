"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { QueryView } from "@/components/ui/query-view";
import { ROLES } from "@/lib/auth/roles";
import { useServerForm } from "@/lib/hooks/use-server-form";
import {
  useAddMemberMutation,
  useChangeRoleMutation,
  useMembersQuery,
  useRemoveMemberMutation,
} from "@/lib/hooks/use-members";
import { addMemberSchema, type AddMemberInput } from "@/lib/schemas/members";

function AddMemberForm({ slug }: { slug: string }) {
  const add = useAddMemberMutation(slug);
  const form = useForm<AddMemberInput>({
    resolver: zodResolver(addMemberSchema),
    defaultValues: { email: "", role: "viewer", name: "", password: "" },
  });
  const { onSubmit, message } = useServerForm(form, ["email", "role", "name", "password"], async (values) => {
    const m = await add.mutateAsync(values);
    form.reset();
    return `Added ${m.email} as ${m.role}.`;
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
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Name (new accounts)" error={e.name?.message}>
          <input {...form.register("name")} />
        </Field>
        <Field
          label="First password (new accounts)"
          error={e.password?.message}
          hint="Only when the email has no account yet"
        >
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
      </div>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting}>
          Add member
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}

export function MembersPanel({ slug }: { slug: string }) {
  const members = useMembersQuery(slug);
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
        {actionError && (
          <div className="alert error" role="alert">
            {actionError.message}
          </div>
        )}
        <QueryView query={members} empty="No members yet. Super admins can always open this client.">
          {(data) => (
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Email</th>
                  <th>Role</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{m.email}</td>
                    <td>
                      <select
                        aria-label={`Role of ${m.email}`}
                        value={m.role}
                        onChange={(e) => changeRole.mutate({ id: m.id, role: e.target.value })}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        className="danger"
                        type="button"
                        onClick={() => confirm(`Remove ${m.email} from this client?`) && remove.mutate(m.id)}
                      >
                        Remove
                      </button>
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
