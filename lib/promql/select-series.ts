// Series selection for a set of matchers, tenant-scoped. SQL narrows by metric name and
// equality matchers (jsonb containment, GIN-indexed) and by time when asked; the other
// matchers are applied exactly as Prometheus applies them, in matchesAll, to label sets
// read once per process.
import type { TenantContext } from "@/lib/auth/tenant";
import type { SeriesDb } from "@/lib/series/series-db";
import { matchesAll, type Matcher } from "./selector";

type Labels = Record<string, string>;
export type SelectedSeries = { id: bigint; labels: Labels };

export class SeriesBudgetError extends Error {
  readonly errorType = "execution";
}

export async function selectSeries(
  tenant: TenantContext,
  db: SeriesDb,
  matchers: Matcher[],
  opts: { start?: Date; end?: Date; limit?: number } = {},
): Promise<SelectedSeries[]> {
  const limit = opts.limit ?? 100_000;
  const name = matchers.find((m) => m.name === "__name__" && m.op === "=")?.value ?? null;
  const equal = Object.fromEntries(
    matchers.filter((m) => m.op === "=" && m.value !== "" && m.name !== "__name__").map((m) => [m.name, m.value]),
  );
  // Each id with its label set's hash: the key of the label cache below.
  const { rows } = await db.sql.query<{ id: string; h: string }>(
    `SELECT m.id, encode(m.labels_hash, 'hex') AS h FROM series.metric_series m
      WHERE m.client_id = $1 AND ($2::text IS NULL OR m.metric_name = $2) AND m.labels @> $3::jsonb
        AND ($4::timestamptz IS NULL OR EXISTS (
              SELECT 1 FROM series.metric_samples s WHERE s.series_id = m.id AND s.time >= $4 AND s.time <= $5))
      LIMIT $6`,
    [
      tenant.clientId,
      name,
      JSON.stringify(equal),
      opts.start?.toISOString() ?? null,
      opts.end?.toISOString() ?? null,
      limit + 1,
    ],
  );
  if (rows.length > limit) {
    throw new SeriesBudgetError(`the selector matches more than ${limit} series; add label matchers to narrow it`);
  }
  const labels = await labelSets(tenant, db, rows);
  return rows
    .map((r, i) => ({ id: BigInt(r.id), labels: labels[i] }))
    .filter((s) => s.labels !== undefined && matchesAll(s.labels, matchers)); // undefined: deleted meanwhile
}

// A series' label set never changes, so it is read once per process: selections return ids
// and hashes, and the same label object each time (which keeps the evaluator's caches keyed
// by label sets warm from one query to the next). Keyed by id and hash, so another database
// reusing an id (tests open several) never gets these labels. Emptied past MAX_CACHED.
const labelsByKey = new Map<string, Labels>();
const MAX_CACHED = 1_000_000;

async function labelSets(tenant: TenantContext, db: SeriesDb, rows: { id: string; h: string }[]): Promise<Labels[]> {
  const keys = rows.map((r) => `${r.id}/${r.h}`);
  const unknown = rows.filter((_, i) => !labelsByKey.has(keys[i]));
  if (unknown.length > 0) {
    if (labelsByKey.size + unknown.length > MAX_CACHED) labelsByKey.clear();
    const { rows: read } = await db.sql.query<{ id: string; h: string; labels: Labels }>(
      `SELECT id, encode(labels_hash, 'hex') AS h, labels FROM series.metric_series
        WHERE client_id = $1 AND id = ANY($2::int8[])`,
      [tenant.clientId, (labelsByKey.size === 0 ? rows : unknown).map((r) => r.id)],
    );
    for (const r of read) labelsByKey.set(`${r.id}/${r.h}`, r.labels);
  }
  return keys.map((k) => labelsByKey.get(k)!);
}
