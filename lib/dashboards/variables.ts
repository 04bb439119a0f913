// Dashboard variables (pure): what the URL selects, and the query with $name filled in. As in
// Grafana: a single value goes in as it is; several values, or All, go in as a regex
// alternation (escaped) for =~ matchers; all of it escaped for a PromQL string literal.
import type { Variable } from "@/lib/schemas/dashboards";

export const ALL = "$__all";
/** The selected values per variable name; [ALL] for All. */
export type Selection = Record<string, string[]>;

const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Inside a PromQL double-quoted string, backslashes and quotes are escaped. */
const stringEscape = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');

/** The text a variable stands for in a query. */
export function variableText(selected: string[] | undefined): string {
  if (!selected || selected.length === 0 || selected.includes(ALL)) return ".*";
  if (selected.length === 1) return stringEscape(selected[0]);
  return stringEscape(`(${selected.map(regexEscape).join("|")})`);
}

/** The query with $name and ${name} replaced; unknown names stay as they are. */
export function interpolate(query: string, variables: Variable[], selection: Selection): string {
  const names = new Set(variables.map((v) => v.name));
  return query.replace(/\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}|\$([a-zA-Z_][a-zA-Z0-9_]*)/g, (whole, braced, bare) => {
    const name = braced ?? bare;
    return names.has(name) ? variableText(selection[name]) : whole;
  });
}

/** The selection a URL carries: var-<name>=value, repeated for several. */
export function selectionFrom(params: URLSearchParams, variables: Variable[]): Selection {
  return Object.fromEntries(
    variables.map((v) => {
      const values = params.getAll(`var-${v.name}`);
      return [v.name, values.length ? values : v.includeAll ? [ALL] : []];
    }),
  );
}
