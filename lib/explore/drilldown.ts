// Drill-down, the I/O half: which labels the narrowed query's series carry, how the query
// broken down by each moved between the previous window and this one (what changed most), and
// the raw samples behind the window.
import { ApiError } from "@/lib/api/errors";
import type { TenantContext } from "@/lib/auth/tenant";
import { labelNames } from "@/lib/prom-api/metadata-queries";
import { instantQuery, rangeQuery } from "@/lib/prom-api/query";
import { parsePromQL } from "@/lib/promql/parse";
import { exprToString, formatDuration } from "@/lib/promql/print";
import {
  drillLabels,
  type DrillDto,
  type DrillInput,
  type DrillSamplesDto,
  type LabelRankDto,
} from "@/lib/schemas/drilldown";
import { appSeriesDb, type SeriesDb } from "@/lib/series/series-db";
import { breakDown, narrow, selectors } from "./drill-query";

/** Labels that describe buckets or are the name, not a dimension to split by. */
const NOT_DIMENSIONS = new Set(["__name__", "le", "quantile"]);
const MAX_CANDIDATES = 10;
const POINTS = 30;
const MAX_SAMPLES = 500;

function badQuery(err: unknown): never {
  const e = err as { errorType?: string; message?: string };
  if (e?.errorType) throw new ApiError(400, "bad_query", e.message ?? "The query cannot be drilled into");
  throw err;
}

const mean = (points: [number, string][]) => {
  const values = points.map(([, v]) => Number(v)).filter(Number.isFinite);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
};

/** Mean of each value of `label` over one window. */
async function meansBy(tenant: TenantContext, db: SeriesDb, query: string, label: string, from: number, to: number) {
  const step = Math.max(1000, Math.ceil((to - from) / POINTS / 1000) * 1000);
  const data = await rangeQuery(tenant, db, query, from, to, step);
  return new Map(data.result.map((s) => [s.metric[label] ?? "", mean(s.values)]));
}

async function rankLabel(tenant: TenantContext, db: SeriesDb, query: string, label: string, input: DrillInput) {
  const span = input.to - input.from;
  const [now, before] = await Promise.all([
    meansBy(tenant, db, query, label, input.from, input.to),
    meansBy(tenant, db, query, label, input.from - span, input.from),
  ]);
  const values = [...new Set([...now.keys(), ...before.keys()])].map((value) => {
    const a = before.get(value) ?? null;
    const b = now.get(value) ?? null;
    return { value, before: a, now: b, delta: (b ?? 0) - (a ?? 0) };
  });
  values.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  const rank: LabelRankDto = { label, score: Math.abs(values[0]?.delta ?? 0), values: values.slice(0, 5) };
  return rank;
}

/** The query narrowed to the chosen labels; one that does not parse is a 400 in the parser's words. */
function narrowedQuery(input: DrillInput) {
  try {
    return narrow(parsePromQL(input.q), drillLabels(input.m));
  } catch (err) {
    return badQuery(err);
  }
}

export async function drillDown(tenant: TenantContext, input: DrillInput): Promise<DrillDto> {
  const db = await appSeriesDb();
  const labels = drillLabels(input.m);
  const narrowed = narrowedQuery(input);
  const names = await labelNames(tenant, db, selectors(narrowed), {
    start: new Date(input.from - (input.to - input.from)),
    end: new Date(input.to),
  });
  const candidates = names.filter((n) => !NOT_DIMENSIONS.has(n) && !(n in labels)).slice(0, MAX_CANDIDATES);
  const ranked = await Promise.all(
    candidates.map((label) =>
      rankLabel(tenant, db, exprToString(breakDown(narrowed, label)), label, input).catch(badQuery),
    ),
  );
  ranked.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  return { query: exprToString(narrowed), labels, ranked };
}

/** The stored samples of the narrowed query's selectors in the window, newest first. */
export async function drillSamples(tenant: TenantContext, input: DrillInput): Promise<DrillSamplesDto> {
  const db = await appSeriesDb();
  const narrowed = narrowedQuery(input);
  const list = selectors(narrowed);
  const range = formatDuration(input.to - input.from);
  const samples: DrillSamplesDto["samples"] = [];
  for (const selector of list) {
    const data = await instantQuery(tenant, db, `${selector}[${range}]`, input.to).catch(badQuery);
    if (data.resultType !== "matrix") continue;
    for (const s of data.result as { metric: Record<string, string>; values: [number, string][] }[])
      for (const [t, v] of s.values) samples.push({ labels: s.metric, t: t * 1000, value: Number(v) });
  }
  samples.sort((a, b) => b.t - a.t);
  return {
    query: exprToString(narrowed),
    selectors: list,
    samples: samples.slice(0, MAX_SAMPLES),
    truncated: samples.length > MAX_SAMPLES,
  };
}
