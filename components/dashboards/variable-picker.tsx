"use client";
import { ALL } from "@/lib/dashboards/variables";
import { useLabelValuesQuery } from "@/lib/hooks/use-dashboards";
import type { Variable } from "@/lib/schemas/dashboards";

/** A variable's drop-down: the label's values, with All when offered; several when multi. */
export function VariablePicker({
  slug,
  variable,
  selected,
  onChange,
}: {
  slug: string;
  variable: Variable;
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const values = useLabelValuesQuery(slug, variable.label, variable.match);
  const options = [...(variable.includeAll ? [ALL] : []), ...(values.data ?? [])];
  return (
    <label className="variable-picker">
      <span>${variable.name}</span>
      <select
        multiple={variable.multi}
        size={variable.multi ? Math.min(4, Math.max(2, options.length)) : undefined}
        value={variable.multi ? selected : (selected[0] ?? "")}
        disabled={values.isPending}
        aria-label={`Variable ${variable.name}`}
        onChange={(e) => {
          const chosen = [...e.target.selectedOptions].map((o) => o.value);
          // Choosing All with other values means All.
          onChange(chosen.includes(ALL) && chosen.length > 1 ? [ALL] : chosen);
        }}
      >
        {!variable.includeAll && !variable.multi && <option value="">Choose…</option>}
        {options.map((v) => (
          <option key={v} value={v}>
            {v === ALL ? "All" : v}
          </option>
        ))}
      </select>
      {values.error && <span className="error">{values.error.message}</span>}
    </label>
  );
}
