"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { variableSchema, type Variable } from "@/lib/schemas/dashboards";

type Input = Omit<Variable, "multi" | "includeAll"> & { multi?: boolean; includeAll?: boolean };

/** The dashboard's variables: each a label's values as a drop-down; add or remove them. */
export function VariableEditor({
  variables,
  onChange,
}: {
  variables: Variable[];
  onChange: (variables: Variable[]) => void;
}) {
  const form = useForm<Input>({
    resolver: zodResolver(variableSchema) as never,
    defaultValues: { name: "", label: "", match: "", multi: true, includeAll: true },
  });
  const e = form.formState.errors;
  const add = form.handleSubmit((v) => {
    if (variables.some((x) => x.name === v.name)) return form.setError("name", { message: `$${v.name} exists` });
    onChange([...variables, variableSchema.parse(v)]);
    form.reset();
  });
  return (
    <div className="card">
      <h2>Variables</h2>
      {variables.length > 0 && (
        <ul className="plain-list">
          {variables.map((v) => (
            <li key={v.name}>
              <code>${v.name}</code> = values of <code>{v.label}</code>
              {v.match ? (
                <>
                  {" "}
                  in <code>{v.match}</code>
                </>
              ) : null}
              {v.multi ? " · several" : ""}{" "}
              <button type="button" onClick={() => onChange(variables.filter((x) => x.name !== v.name))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} aria-label="New variable" noValidate>
        <div className="form-row">
          <Field label="Name" error={e.name?.message} hint="Used as $name in queries">
            <input {...form.register("name")} placeholder="service" />
          </Field>
          <Field label="Label" error={e.label?.message}>
            <input {...form.register("label")} placeholder="service" />
          </Field>
          <Field label="Of series" error={e.match?.message} hint="A selector; empty: all series">
            <input className="mono" {...form.register("match")} placeholder="http_requests_total" />
          </Field>
        </div>
        <label className="inline-check">
          <input type="checkbox" {...form.register("multi")} /> Several values at once
        </label>{" "}
        <button type="submit">Add variable</button>
      </form>
    </div>
  );
}
