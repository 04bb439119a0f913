// Explore's query: PromQL over a relative range for a signed-in member, the series shaped
// for charts, the largest first when there are too many to draw.
import type { TenantContext } from "@/lib/auth/tenant";
import { ApiError } from "@/lib/api/errors";
import { instantQuery, rangeQuery } from "@/lib/prom-api/query";
import type { ExploreResult, ExploreSeries } from "@/lib/schemas/explore";
import type { ExploreRange } from "@/lib/schemas/explore";
import { appSeriesDb } from "@/lib/series/series-db";
import { fixedWindow, rangeWindow } from "./time-range";

const MAX_SERIES = 50;

/** PromQL's error types as API errors people can act on (the message quotes the problem). */
function queryError(err: unknown): never {
  const e = err as { errorType?: string; message?: string };
  if (e?.errorType === "bad_data") throw new ApiError(400, "bad_query", e.message ?? "The query is not valid PromQL");
  if (e?.errorType === "execution") throw new ApiError(422, "query_failed", e.message ?? "The query failed");
  if (e?.errorType === "timeout")
    throw new ApiError(503, "query_timeout", `${e.message}; try a shorter range`, undefined, { "Retry-After": "5" });
  throw err;
}

function appendLatest(series: ExploreSeries[], latest: Awaited<ReturnType<typeof instantQuery>>, now: number) {
  const key = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());
  const byKey = new Map(series.map((s) => [key(s.labels), s]));
  const values: { metric: Record<string, string>; value: [number, string] }[] =
    latest.resultType === "vector"
      ? (latest.result as { metric: Record<string, string>; value: [number, string] }[])
      : latest.resultType === "scalar"
        ? [{ metric: {}, value: latest.result as [number, string] }]
        : [];
  for (const v of values) {
    const point: [number, number] = [now, Number(v.value[1])];
    const s = byKey.get(key(v.metric));
    if (s) s.points.push(point);
    else series.push({ labels: v.metric, points: [point] });
  }
}

export async function exploreQuery(
  tenant: TenantContext,
  input: { query: string; range: ExploreRange; from?: number; to?: number },
  now = Date.now(),
): Promise<ExploreResult> {
  const fixed = input.from !== undefined && input.to !== undefined;
  const { start, end, stepMs } = fixed ? fixedWindow(input.from!, input.to!, now) : rangeWindow(input.range, now);
  const info: { resolutions?: string[] } = {};
  const db = await appSeriesDb();
  // Steps are aligned (same URL, same points; whole rollup buckets), so the last one can be
  // up to a step old: the value at `now` ends each line, and a sample sent a second ago shows.
  // Both reads run at once.
  const withLatest = now > end && (!fixed || input.to! >= now);
  const [data, latest] = await Promise.all([
    rangeQuery(tenant, db, input.query, start, end, stepMs, { info }),
    withLatest ? instantQuery(tenant, db, input.query, now) : undefined,
  ]).catch(queryError);
  const series: ExploreSeries[] = data.result.map((s) => ({
    labels: s.metric,
    points: s.values.map(([t, v]) => [t * 1000, Number(v)] as [number, number]),
  }));
  if (latest) appendLatest(series, latest, now);
  const peak = (s: ExploreSeries) => Math.max(...s.points.map((p) => (Number.isFinite(p[1]) ? Math.abs(p[1]) : 0)));
  series.sort((a, b) => peak(b) - peak(a));
  return {
    query: input.query,
    start,
    end,
    now,
    stepMs,
    resolution: info.resolutions ?? [],
    series: series.slice(0, MAX_SERIES),
    omitted: Math.max(0, series.length - MAX_SERIES),
  };
}
