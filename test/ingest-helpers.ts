// Reading back what ingest stored, for assertions (tests only).
import { getPool } from "@/lib/db/client";

export async function storedSamples(clientId: string, metric: string) {
  const { rows } = await getPool().query<{
    labels: Record<string, string>;
    t: Date;
    value: number;
    metric_type: string | null;
  }>(
    `SELECT m.labels, s.time AS t, s.value, m.metric_type FROM series.metric_samples s
       JOIN series.metric_series m ON m.id = s.series_id
      WHERE m.client_id = $1 AND m.metric_name = $2 ORDER BY m.labels::text, s.time`,
    [clientId, metric],
  );
  return rows;
}

export async function count(table: "events" | "spans", clientId: string): Promise<number> {
  const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM series.${table} WHERE client_id = $1`, [
    clientId,
  ]);
  return rows[0].n;
}
