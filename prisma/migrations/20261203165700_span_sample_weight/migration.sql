-- How many spans each stored span stands for: 1/ratio for spans kept by trace sampling,
-- 1 for spans always kept (errors, slow ones). Counts read later sum this column.
ALTER TABLE series.spans ADD COLUMN sample_weight DOUBLE PRECISION NOT NULL DEFAULT 1;
