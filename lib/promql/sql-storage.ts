// Loads the samples a query needs from the series tables. Evaluation is synchronous, so a
// first dry run records which selectors need which time windows; they are then read from
// SQL (series chosen by selectSeries, samples by time range) and the real run reads memory.
import type { TenantContext } from "@/lib/auth/tenant";
import type { SeriesDb } from "@/lib/series/series-db";
import type { Expr } from "./ast";
import { Evaluator, type EvalOptions } from "./eval/evaluator";
import { PromQLExecutionError, PromQLTimeoutError, type Series, type Storage } from "./eval/types";
import { selectSeries } from "./select-series";
import type { Matcher } from "./selector";

const keyOf = (matchers: Matcher[], mint: number, maxt: number) => JSON.stringify([matchers, mint, maxt]);

/** Returns an evaluator whose storage already holds every sample `expr` will read. */
export async function prepareEvaluator(
  tenant: TenantContext,
  db: SeriesDb,
  expr: Expr,
  opts: EvalOptions & { maxSeries?: number },
): Promise<Evaluator> {
  const wanted: { matchers: Matcher[]; mint: number; maxt: number }[] = [];
  const recorder: Storage = {
    select: (matchers, mint, maxt) => {
      wanted.push({ matchers, mint, maxt });
      return [];
    },
  };
  new Evaluator(recorder, opts).range(expr);

  const loaded = new Map<string, Series[]>();
  let samples = 0;
  for (const w of wanted) {
    const key = keyOf(w.matchers, w.mint, w.maxt);
    if (loaded.has(key)) continue;
    if (opts.deadline && Date.now() > opts.deadline) throw new PromQLTimeoutError("query preparation");
    const series = await selectSeries(tenant, db, w.matchers, { limit: opts.maxSeries ?? 50_000 });
    const ids = series.map((s) => s.id.toString());
    const { rows } = await db.sql.query<{ id: string; t: string; v: number }>(
      `SELECT series_id AS id, floor(extract(epoch FROM time) * 1000)::int8 AS t, value AS v
         FROM series.metric_samples
        WHERE series_id = ANY($1::int8[]) AND time > $2 AND time <= $3
        ORDER BY series_id, time`,
      [ids, new Date(w.mint).toISOString(), new Date(w.maxt).toISOString()],
    );
    samples += rows.length;
    if (samples > (opts.maxSamples ?? 50_000_000)) {
      throw new PromQLExecutionError("query processing would load too many samples into memory in query execution");
    }
    const byId = new Map(
      series.map((s) => [s.id.toString(), { labels: s.labels, points: [] as Series["points"] } as Series]),
    );
    for (const r of rows) byId.get(String(r.id))?.points.push({ t: Number(r.t), v: Number(r.v) });
    const markers = await db.sql.query<{ id: string; t: string }>(
      `SELECT series_id AS id, floor(extract(epoch FROM time) * 1000)::int8 AS t FROM series.metric_stale_markers
        WHERE series_id = ANY($1::int8[]) AND time > $2 AND time <= $3 ORDER BY series_id, time`,
      [ids, new Date(w.mint).toISOString(), new Date(w.maxt).toISOString()],
    );
    for (const r of markers.rows) {
      const s = byId.get(String(r.id));
      if (s) (s.stale ??= []).push(Number(r.t));
    }
    loaded.set(
      key,
      [...byId.values()].filter((s) => s.points.length > 0),
    );
  }
  return new Evaluator({ select: (m, mint, maxt) => loaded.get(keyOf(m, mint, maxt)) ?? [] }, opts);
}
