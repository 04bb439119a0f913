// A dashboard's window as its URL says (pure): a fixed from/to, or a relative range (the
// dashboard's own when the URL names none). The page's prefetch and the view read it alike.
import type { Definition } from "@/lib/schemas/dashboards";
import { EXPLORE_RANGES, type ExploreRange, type FixedWindow } from "@/lib/schemas/explore";

export function viewWindow(
  params: URLSearchParams,
  definition: Definition,
): { range: ExploreRange; fixed?: FixedWindow } {
  const range = (EXPLORE_RANGES as readonly string[]).includes(params.get("range") ?? "")
    ? (params.get("range") as ExploreRange)
    : definition.range;
  const from = Number(params.get("from"));
  const to = Number(params.get("to"));
  return { range, fixed: from > 0 && to > from ? { from, to } : undefined };
}
