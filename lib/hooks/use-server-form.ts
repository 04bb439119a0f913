"use client";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { applyServerErrors } from "./api-fetch";

/**
 * Submits a react-hook-form form through `action`; server-side field errors land on their
 * fields, anything else (and `action`'s success text) becomes the form's status message.
 */
export function useServerForm<V extends FieldValues>(
  form: UseFormReturn<V>,
  fields: readonly Path<V>[],
  action: (values: V) => Promise<string | null>,
) {
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      setMessage(await action(values));
    } catch (err) {
      setMessage(applyServerErrors(err, form.setError, fields) || null);
    }
  });
  return { onSubmit, message };
}
