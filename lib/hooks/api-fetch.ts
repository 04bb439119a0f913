// fetch for the browser hooks: JSON in and out, API errors surfaced as ApiClientError
// so forms can show the message and put field details next to the right input.
export type ApiErrorBody = {
  error: { code: string; message: string; details?: { path?: string; index?: number; reason: string }[] };
};

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorBody["error"]["details"] = [],
  ) {
    super(message);
  }
}

export async function apiFetch<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body !== undefined ? { "Content-Type": "application/json" } : undefined,
    body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as ApiErrorBody | null)?.error;
    throw new ApiClientError(
      res.status,
      e?.code ?? "http_error",
      e?.message ?? `Request failed (${res.status})`,
      e?.details,
    );
  }
  return body as T;
}

/** Puts server-side field errors on the form's fields; returns the message for the rest. */
export function applyServerErrors<F extends string>(
  err: unknown,
  setError: (field: F, e: { message: string }) => void,
  fields: readonly F[],
): string {
  if (!(err instanceof ApiClientError)) return "Could not reach Telltale. Check your connection and try again.";
  let placed = false;
  for (const d of err.details ?? []) {
    if (d.path && (fields as readonly string[]).includes(d.path)) {
      setError(d.path as F, { message: d.reason });
      placed = true;
    }
  }
  // Field-level validation speaks for itself; any other message (e.g. what is missing) is shown.
  return placed && err.code === "validation_failed" ? "" : err.message;
}
