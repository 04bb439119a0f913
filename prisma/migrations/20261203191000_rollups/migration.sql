-- Per-series rollups at 1 minute and 1 hour, so long-range queries read one row per bucket
-- instead of every sample. `time` is the bucket start; a bucket holds samples in
-- [time, time + size). `increase` is the counter increase between consecutive samples
-- inside the bucket, resets counted as Prometheus counts them (a drop adds the new value),
-- so rate()/increase() over whole buckets stay exact. first/last keep Prometheus'
-- extrapolation possible. App-maintained on both dialects (see lib/series/rollups.ts):
-- a continuous aggregate cannot compute the ordered, reset-aware increase.
DO $$
DECLARE
  timescale BOOLEAN := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb');
  partitioning TEXT := CASE WHEN timescale THEN '' ELSE ' PARTITION BY RANGE (time)' END;
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['metric_rollups_1m', 'metric_rollups_1h'] LOOP
    EXECUTE format('CREATE TABLE series.%I (
      series_id   BIGINT NOT NULL,
      time        TIMESTAMPTZ NOT NULL,
      count       INTEGER NOT NULL,
      sum         DOUBLE PRECISION NOT NULL,
      min         DOUBLE PRECISION NOT NULL,
      max         DOUBLE PRECISION NOT NULL,
      first_time  TIMESTAMPTZ NOT NULL,
      first_value DOUBLE PRECISION NOT NULL,
      last_time   TIMESTAMPTZ NOT NULL,
      last_value  DOUBLE PRECISION NOT NULL,
      increase    DOUBLE PRECISION NOT NULL,
      CONSTRAINT %I UNIQUE (series_id, time)
    )', t, t || '_key') || partitioning;
    IF timescale THEN
      PERFORM create_hypertable(format('series.%I', t), 'time', chunk_time_interval => INTERVAL '7 days');
      EXECUTE format('ALTER TABLE series.%I SET (timescaledb.compress, timescaledb.compress_segmentby = ''series_id'', timescaledb.compress_orderby = ''time'')', t);
    END IF;
  END LOOP;
END $$;

-- Minutes whose samples changed since they were rolled up. Ingest appends one row per
-- minute a batch touches (append-only: concurrent writers never wait on each other);
-- the rollup job claims and deletes them in the transaction that rewrites the buckets.
CREATE TABLE series.rollup_pending (
  minute TIMESTAMPTZ NOT NULL
);
CREATE INDEX rollup_pending_minute ON series.rollup_pending (minute);

-- Data stored before rollups existed is rolled up by the first runs.
INSERT INTO series.rollup_pending (minute)
SELECT DISTINCT date_trunc('minute', time) FROM series.metric_samples;
