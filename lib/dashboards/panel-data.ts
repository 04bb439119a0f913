// Every panel's data as the dashboard view will ask for it — the URL's window and variable
// values — so the page can send it along and the panels draw as soon as they hydrate.
import type { TenantContext } from "@/lib/auth/tenant";
import { exploreQuery } from "@/lib/explore/run-query";
import type { Definition } from "@/lib/schemas/dashboards";
import type { ExploreRange, ExploreResult, FixedWindow } from "@/lib/schemas/explore";
import { interpolate, selectionFrom } from "./variables";
import { viewWindow } from "./view-window";

export type PanelData = { query: string; range: ExploreRange; fixed: FixedWindow | undefined; result: ExploreResult };

/** Answers of the panels whose queries succeed; a failing one is left for the view to ask (and show). */
export async function panelData(
  tenant: TenantContext,
  definition: Definition,
  search: URLSearchParams,
): Promise<PanelData[]> {
  const { range, fixed } = viewWindow(search, definition);
  const selection = selectionFrom(search, definition.variables);
  const queries = [...new Set(definition.panels.map((p) => interpolate(p.query, definition.variables, selection)))];
  const answers = await Promise.all(
    queries.map(async (query) => {
      const result = await exploreQuery(tenant, { query, range, ...(fixed ?? {}) }).catch(() => null);
      return result && { query, range, fixed, result };
    }),
  );
  return answers.filter((a): a is PanelData => a !== null);
}
