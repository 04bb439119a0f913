-- Metric metadata (type, help, unit) per client and metric name, as Prometheus
-- remote_write sends it apart from the samples; new series take it from here.
CREATE TABLE series.metric_metadata (
  client_id   UUID NOT NULL REFERENCES public.clients(id) ON DELETE CASCADE,
  metric_name TEXT NOT NULL,
  metric_type TEXT,
  unit        TEXT,
  help        TEXT,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, metric_name)
);
