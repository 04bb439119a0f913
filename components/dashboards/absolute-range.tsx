"use client";
import { useState, type FormEvent } from "react";
import type { FixedWindow } from "@/lib/schemas/explore";

const MAX_SPAN_MS = 31 * 86_400_000;
/** ms → the value of a datetime-local input (local time, minutes). */
const local = (ms: number) => {
  const d = new Date(ms);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** From and to as dates and times (the browser's zone); at most 31 days. */
export function AbsoluteRange({
  initial,
  onApply,
  onCancel,
}: {
  initial: FixedWindow;
  onApply: (window: FixedWindow) => void;
  onCancel: () => void;
}) {
  const [from, setFrom] = useState(local(initial.from));
  const [to, setTo] = useState(local(initial.to));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const window = { from: new Date(from).getTime(), to: new Date(to).getTime() };
    if (!Number.isFinite(window.from) || !Number.isFinite(window.to)) return setError("Give a date and time for both");
    if (window.to <= window.from) return setError("To must come after from");
    if (window.to - window.from > MAX_SPAN_MS) return setError("At most 31 days");
    onApply(window);
  };
  return (
    <form className="absolute-range" aria-label="Absolute time range" onSubmit={submit} noValidate>
      <label>
        From <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        To <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        Apply
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
