-- The current day is packed too, through its last closed hour, and packed again as more
-- hours close: `until` is where a built day's packed hours end (the next midnight for a
-- closed day). Queries read packed hours before it and hour rows after it.
ALTER TABLE series.rollup_days_built ADD COLUMN until TIMESTAMPTZ;
UPDATE series.rollup_days_built SET until = day + INTERVAL '1 day';
ALTER TABLE series.rollup_days_built ALTER COLUMN until SET NOT NULL;
