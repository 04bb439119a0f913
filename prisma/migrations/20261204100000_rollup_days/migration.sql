-- Hour rollups of whole UTC days, one row per series and day: each figure of the day's 24
-- hour buckets packed as 24 big-endian float8 values (float8send), slot i = hour i, count 0
-- = no samples that hour. A 30-day query reads 30 rows per series instead of 720, by
-- binary COPY, without turning numbers into text and back. Times are ms since the epoch.
-- Built by the rollup job from series.metric_rollups_1h for closed days (see
-- lib/series/rollup-days.ts); a plain table on both dialects, trimmed by age.
CREATE TABLE series.metric_rollup_days (
  series_id   BIGINT NOT NULL,
  day         TIMESTAMPTZ NOT NULL,
  count       BYTEA NOT NULL,
  sum         BYTEA NOT NULL,
  min         BYTEA NOT NULL,
  max         BYTEA NOT NULL,
  first_time  BYTEA NOT NULL,
  first_value BYTEA NOT NULL,
  last_time   BYTEA NOT NULL,
  last_value  BYTEA NOT NULL,
  increase    BYTEA NOT NULL,
  PRIMARY KEY (series_id, day)
);
-- Kept inline and uncompressed: a row is ~1.8 kB, and decompressing would cost what packing saves.
ALTER TABLE series.metric_rollup_days
  ALTER COLUMN count SET STORAGE PLAIN, ALTER COLUMN sum SET STORAGE PLAIN,
  ALTER COLUMN min SET STORAGE PLAIN, ALTER COLUMN max SET STORAGE PLAIN,
  ALTER COLUMN first_time SET STORAGE PLAIN, ALTER COLUMN first_value SET STORAGE PLAIN,
  ALTER COLUMN last_time SET STORAGE PLAIN, ALTER COLUMN last_value SET STORAGE PLAIN,
  ALTER COLUMN increase SET STORAGE PLAIN;

-- The days whose rows above are built (for every series that had samples that day), and
-- when: a query caching packed days keeps them while built_at stays the same.
CREATE TABLE series.rollup_days_built (
  day      TIMESTAMPTZ PRIMARY KEY,
  built_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
