-- Time-series storage, outside schema.prisma (Prisma cannot describe hypertables or
-- partitioned tables). It lives in its own schema, `series`, so Prisma's drift checks
-- over `public` stay exact. With TimescaleDB loaded the three data tables become
-- hypertables; on plain PostgreSQL they are partitioned by time range, and
-- lib/db/dialect.ts creates partitions ahead and drops them past retention.

CREATE SCHEMA IF NOT EXISTS series;

-- The series dictionary: one row per (client, label set). labels holds every label
-- including __name__; labels_hash is sha256 of the canonical (sorted) label set.
CREATE TABLE series.metric_series (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_id   UUID NOT NULL REFERENCES public.clients(id) ON DELETE CASCADE,
  metric_name TEXT NOT NULL,
  labels      JSONB NOT NULL,
  labels_hash BYTEA NOT NULL,
  metric_type TEXT,
  unit        TEXT,
  help        TEXT,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT metric_series_client_hash_key UNIQUE (client_id, labels_hash)
);
CREATE INDEX metric_series_client_name_idx ON series.metric_series (client_id, metric_name);
CREATE INDEX metric_series_labels_idx ON series.metric_series USING GIN (labels jsonb_path_ops);

DO $$
DECLARE
  timescale BOOLEAN := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
    OR (EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
        AND current_setting('shared_preload_libraries', true) LIKE '%timescaledb%');
  partitioning TEXT := CASE WHEN timescale THEN '' ELSE ' PARTITION BY RANGE (time)' END;
BEGIN
  IF timescale THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
  END IF;

  EXECUTE 'CREATE TABLE series.metric_samples (
    series_id BIGINT NOT NULL,
    time      TIMESTAMPTZ NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    CONSTRAINT metric_samples_series_time_key UNIQUE (series_id, time)
  )' || partitioning;

  -- idempotency_id is optional; the unique key includes time because partitioned
  -- tables and hypertables require the partitioning column in every unique key.
  EXECUTE 'CREATE TABLE series.events (
    client_id      UUID NOT NULL,
    time           TIMESTAMPTZ NOT NULL,
    name           TEXT NOT NULL,
    user_id        TEXT,
    session_id     TEXT,
    properties     JSONB NOT NULL DEFAULT ''{}'',
    value          DOUBLE PRECISION,
    idempotency_id TEXT,
    CONSTRAINT events_idempotency_key UNIQUE (client_id, idempotency_id, time)
  )' || partitioning;

  EXECUTE 'CREATE TABLE series.spans (
    client_id      UUID NOT NULL,
    time           TIMESTAMPTZ NOT NULL,
    trace_id       TEXT NOT NULL,
    span_id        TEXT NOT NULL,
    parent_span_id TEXT,
    service        TEXT NOT NULL,
    name           TEXT NOT NULL,
    route          TEXT,
    kind           TEXT NOT NULL DEFAULT ''internal'',
    status         TEXT NOT NULL DEFAULT ''unset'',
    duration_ms    DOUBLE PRECISION NOT NULL,
    attributes     JSONB NOT NULL DEFAULT ''{}'',
    CONSTRAINT spans_identity_key UNIQUE (client_id, trace_id, span_id, time)
  )' || partitioning;

  CREATE INDEX events_client_name_time_idx ON series.events (client_id, name, time DESC);
  CREATE INDEX spans_client_service_time_idx ON series.spans (client_id, service, time DESC);
  CREATE INDEX spans_client_trace_idx ON series.spans (client_id, trace_id);

  IF timescale THEN
    PERFORM create_hypertable('series.metric_samples', 'time', chunk_time_interval => INTERVAL '1 day');
    PERFORM create_hypertable('series.events', 'time', chunk_time_interval => INTERVAL '1 day');
    PERFORM create_hypertable('series.spans', 'time', chunk_time_interval => INTERVAL '1 day');
    ALTER TABLE series.metric_samples SET (timescaledb.compress, timescaledb.compress_segmentby = 'series_id', timescaledb.compress_orderby = 'time');
    ALTER TABLE series.events SET (timescaledb.compress, timescaledb.compress_segmentby = 'client_id, name', timescaledb.compress_orderby = 'time');
    ALTER TABLE series.spans SET (timescaledb.compress, timescaledb.compress_segmentby = 'client_id, service', timescaledb.compress_orderby = 'time');
  ELSE
    -- BRIN: time-ordered appends make block ranges tight and the index tiny.
    CREATE INDEX metric_samples_time_brin ON series.metric_samples USING BRIN (time);
    CREATE INDEX events_time_brin ON series.events USING BRIN (time);
    CREATE INDEX spans_time_brin ON series.spans USING BRIN (time);
  END IF;
END $$;
