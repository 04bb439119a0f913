-- Prometheus staleness markers: the special NaN a sender writes when a series stops
-- (a target disappeared, a series left a scrape). PostgreSQL cannot keep a NaN's payload,
-- so markers live apart from samples; they are rare and small, and PromQL reads both.
CREATE TABLE series.metric_stale_markers (
  series_id BIGINT NOT NULL,
  time      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (series_id, time)
);
CREATE INDEX metric_stale_markers_time ON series.metric_stale_markers (time);
