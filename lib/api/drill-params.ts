// A drill-down step from a URL's search parameters (m repeats), validated.
import { drillInputSchema, type DrillInput } from "@/lib/schemas/drilldown";
import { badRequest } from "./errors";
import { zodDetails } from "./respond";

export function drillParams(req: Request): DrillInput {
  const search = new URL(req.url).searchParams;
  const input = drillInputSchema.safeParse({
    q: search.get("q") ?? "",
    from: search.get("from") ?? undefined,
    to: search.get("to") ?? undefined,
    m: search.getAll("m"),
    by: search.get("by") || undefined,
  });
  if (!input.success) throw badRequest("Check the drill-down", zodDetails(input.error));
  return input.data;
}
