// Instant and range PromQL queries for the Prometheus API, in Prometheus' result shapes.
import type { TenantContext } from "@/lib/auth/tenant";
import { env } from "@/lib/env";
import { typeOf } from "@/lib/promql/ast";
import { parsePromQL } from "@/lib/promql/parse";
import { formatSampleValue as fmt, formatTime } from "@/lib/promql/format";
import { prepareEvaluator } from "@/lib/promql/sql-storage";
import type { SeriesDb } from "@/lib/series/series-db";
import { PromApiError } from "./prom-route";

const MAX_POINTS = 11_000;

export type QueryOptions = {
  timeoutMs?: number;
  /** false: raw samples only, never rollups (to compare the two); true: rollups wherever exact. */
  rollups?: boolean;
  /** Filled in: what the query read ("raw", "1m", "1h"), for the X-Telltale-Resolution header. */
  info?: { resolutions?: string[] };
};

/** The query's budgets: the configured limits, and the request's own timeout when shorter. */
function budgets(opts: QueryOptions) {
  const e = env();
  const timeoutMs = Math.min(e.QUERY_TIMEOUT_SECONDS * 1000, opts.timeoutMs ?? Infinity);
  return {
    deadline: Date.now() + timeoutMs,
    maxSamples: e.QUERY_MAX_SAMPLES,
    maxSeries: e.QUERY_MAX_SERIES,
    rollups: opts.rollups,
  };
}

export async function instantQuery(
  tenant: TenantContext,
  db: SeriesDb,
  query: string,
  t: number,
  opts: QueryOptions = {},
) {
  const expr = parsePromQL(query);
  const ev = await prepareEvaluator(tenant, db, expr, { start: t, end: t, step: 1, ...budgets(opts) });
  const value = ev.at(expr, t);
  if (opts.info) opts.info.resolutions = [...ev.resolutions];
  const ts = formatTime(t);
  switch (value.type) {
    case "scalar":
      return { resultType: "scalar", result: [ts, fmt(value.v)] };
    case "string":
      return { resultType: "string", result: [ts, value.value] };
    case "vector":
      return { resultType: "vector", result: value.samples.map((s) => ({ metric: s.labels, value: [ts, fmt(s.v)] })) };
    case "matrix":
      return {
        resultType: "matrix",
        result: value.series.map((s) => ({
          metric: s.labels,
          values: s.points.map((p) => [formatTime(p.t), fmt(p.v)] as [number, string]),
        })),
      };
  }
}

export async function rangeQuery(
  tenant: TenantContext,
  db: SeriesDb,
  query: string,
  start: number,
  end: number,
  step: number,
  opts: QueryOptions = {},
) {
  if (end < start) throw new PromApiError("bad_data", "end timestamp must not be before start time");
  if (!(step > 0))
    throw new PromApiError(
      "bad_data",
      "zero or negative query resolution step widths are not accepted. Try a positive integer",
    );
  if ((end - start) / step > MAX_POINTS) {
    throw new PromApiError(
      "bad_data",
      "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)",
    );
  }
  const expr = parsePromQL(query);
  const t = typeOf(expr);
  if (t !== "scalar" && t !== "vector") {
    throw new PromApiError(
      "bad_data",
      `invalid expression type "${t === "matrix" ? "range vector" : t}" for range query, must be Scalar or instant Vector`,
    );
  }
  const ev = await prepareEvaluator(tenant, db, expr, { start, end, step, ...budgets(opts) });
  const result = await ev.rangeAsync(expr);
  if (opts.info) opts.info.resolutions = [...ev.resolutions];
  return {
    resultType: "matrix",
    result: result.series.map((s) => ({
      metric: s.labels,
      values: s.points.map((p) => [formatTime(p.t), fmt(p.v)] as [number, string]),
    })),
  };
}
