-- CreateTable
CREATE TABLE "ingest_policies" (
    "client_id" UUID NOT NULL,
    "max_series" INTEGER NOT NULL,
    "max_new_series_per_day" INTEGER NOT NULL,
    "metric_min_interval_sec" INTEGER NOT NULL DEFAULT 0,
    "trace_sample_ratio" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "keep_error_spans" BOOLEAN NOT NULL DEFAULT true,
    "slow_span_ms" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ingest_policies_pkey" PRIMARY KEY ("client_id")
);

-- AddForeignKey
ALTER TABLE "ingest_policies" ADD CONSTRAINT "ingest_policies_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
