// Coalesces concurrent ingest requests into one transaction per batch. A request's
// promise settles only after the transaction holding its rows commits, so a 2xx always
// means durable. The buffer is bounded: past it, callers get OverloadedError (→ 503).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgSql } from "@/lib/db/client";
import {
  floatText,
  insertEventRows,
  insertSpanRows,
  insertStaleMarkers,
  type EventRow,
  type SampleRow,
  type SpanRow,
  type StaleMarkerRow,
} from "@/lib/series/write-series";
import { markPending, touchedMinutes } from "@/lib/series/rollups";
import { ingestMetrics } from "./self-metrics";

export type WriteRows = {
  samples?: SampleRow[];
  staleMarkers?: StaleMarkerRow[];
  events?: (EventRow & { clientId: string })[];
  spans?: (SpanRow & { clientId: string })[];
};

// Samples are the bulk of ingest, so they go by COPY. COPY cannot skip duplicates: when a
// batch holds any (retries), it goes through a per-connection staging table and one
// INSERT … ON CONFLICT DO NOTHING instead, times as epoch milliseconds converted in SQL.

const STAGING = `CREATE TEMP TABLE IF NOT EXISTS ingest_samples (series_id bigint, t_ms bigint, value float8) ON COMMIT DELETE ROWS`;
/** COPY text lines, in chunks; `time` writes a sample's time the way the target column reads it. */
function* copyLines(samples: SampleRow[], time: (s: SampleRow) => string | number) {
  const CHUNK = 5000;
  for (let i = 0; i < samples.length; i += CHUNK) {
    let text = "";
    for (const s of samples.slice(i, i + CHUNK)) text += `${s.seriesId}\t${time(s)}\t${floatText(s.value)}\n`;
    yield text;
  }
}

const copy = (conn: pg.PoolClient, sql: string, lines: Iterable<string>) =>
  pipeline(Readable.from(lines), conn.query(copyFrom(sql)));

async function copySamples(conn: pg.PoolClient, samples: SampleRow[]): Promise<void> {
  if (samples.length === 0) return;
  // Fast path: COPY straight into the table. A duplicate (a retried batch) makes it fail
  // with unique_violation; the savepoint undoes it and the staging path skips duplicates.
  await conn.query("SAVEPOINT direct_copy");
  try {
    await copy(
      conn,
      "COPY series.metric_samples (series_id, time, value) FROM STDIN",
      copyLines(samples, (x) => x.time.toISOString()),
    );
    await conn.query("RELEASE SAVEPOINT direct_copy");
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== "23505") throw err;
    await conn.query("ROLLBACK TO SAVEPOINT direct_copy");
  }
  await conn.query(STAGING);
  await copy(
    conn,
    "COPY ingest_samples FROM STDIN",
    copyLines(samples, (x) => x.time.getTime()),
  );

  await conn.query(
    `INSERT INTO series.metric_samples (series_id, time, value)
     SELECT series_id, TIMESTAMPTZ 'epoch' + t_ms * INTERVAL '1 millisecond', value FROM ingest_samples
     ON CONFLICT DO NOTHING`,
  );
}

export class OverloadedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Telltale is busy writing; retry shortly");
  }
}

type Pending = { rows: WriteRows; count: number; resolve: () => void; reject: (e: unknown) => void };

const countOf = (r: WriteRows) =>
  (r.samples?.length ?? 0) + (r.staleMarkers?.length ?? 0) + (r.events?.length ?? 0) + (r.spans?.length ?? 0);

export type WriterOptions = { maxBufferedRows: number; maxBatchRows?: number; concurrency?: number };

export class IngestWriter {
  private queue: Pending[] = [];
  private buffered = 0;
  private active = 0;
  private readonly maxBatchRows: number;
  private readonly concurrency: number;

  constructor(
    private readonly pool: () => pg.Pool,
    private readonly opts: WriterOptions,
  ) {
    this.maxBatchRows = opts.maxBatchRows ?? 50_000;
    this.concurrency = opts.concurrency ?? 2;
  }

  /** Resolves once `rows` are committed; rejects with OverloadedError when the buffer is full. */
  write(rows: WriteRows): Promise<void> {
    const count = countOf(rows);
    if (count === 0) return Promise.resolve();
    if (this.buffered + count > this.opts.maxBufferedRows) {
      ingestMetrics.dropped.inc({ reason: "buffer_full" }, count);
      return Promise.reject(new OverloadedError(2));
    }
    this.buffered += count;
    ingestMetrics.bufferedRows.set(this.buffered);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, count, resolve, reject });
      this.pump();
    });
  }

  get bufferedRows() {
    return this.buffered;
  }

  private pump() {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const batch = this.take();
      this.active++;
      void this.flush(batch).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  /** The next batch: whole requests, in arrival order, up to maxBatchRows (at least one). */
  private take(): Pending[] {
    const batch: Pending[] = [];
    let rows = 0;
    while (this.queue.length > 0 && (batch.length === 0 || rows + this.queue[0].count <= this.maxBatchRows)) {
      const next = this.queue.shift()!;
      rows += next.count;
      batch.push(next);
    }
    return batch;
  }

  private async flush(batch: Pending[]) {
    const rows = batch.reduce((n, p) => n + p.count, 0);
    const started = performance.now();
    try {
      await this.commit(batch);
      for (const p of batch) p.resolve();
    } catch (err) {
      console.error("[ingest] batch failed:", (err as Error).message);
      for (const p of batch) p.reject(err);
    } finally {
      this.buffered -= rows;
      ingestMetrics.bufferedRows.set(this.buffered);
      ingestMetrics.batchRows.observe(rows);
      ingestMetrics.writeSeconds.observe((performance.now() - started) / 1000);
    }
  }

  private async commit(batch: Pending[]) {
    const conn = await this.pool().connect();
    try {
      const sql = pgSql(conn);
      await conn.query("BEGIN");

      const samples = batch.flatMap((p) => p.rows.samples ?? []);
      await copySamples(conn, samples);
      // Same transaction: the rollup job sees these minutes exactly when it can see the samples.
      await markPending(sql, touchedMinutes(samples.map((x) => x.time.getTime())));
      await insertStaleMarkers(
        sql,
        batch.flatMap((p) => p.rows.staleMarkers ?? []),
      );
      await insertEventRows(
        sql,
        batch.flatMap((p) => p.rows.events ?? []),
      );
      await insertSpanRows(
        sql,
        batch.flatMap((p) => p.rows.spans ?? []),
      );
      await conn.query("COMMIT");
    } catch (err) {
      await conn.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      conn.release();
    }
  }
}
