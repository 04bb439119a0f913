-- Short windows (an instant query's last 5 minutes) read few blocks: block ranges of 16
-- pages (about 2,000 samples) instead of the default 128, which made a 5-minute read
-- recheck a whole 128-page range. The index stays a few kB per day. Plain PostgreSQL only
-- (TimescaleDB chunks have their own indexes).
DO $$
BEGIN
  IF to_regclass('series.metric_samples_time_brin') IS NOT NULL THEN
    DROP INDEX series.metric_samples_time_brin;
    CREATE INDEX metric_samples_time_brin ON series.metric_samples USING BRIN (time) WITH (pages_per_range = 16);
  END IF;
END $$;
