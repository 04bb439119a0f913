// Ingest settings from the validated environment.
import { env } from "@/lib/env";
import type { IngestLimits } from "./limits";

export function ingestLimits(): IngestLimits {
  const e = env();
  // One day less than retention: the oldest daily partition may already be gone.
  return {
    maxPastMs: Math.max(1, e.RETENTION_DAYS - 1) * 86_400_000,
    maxFutureMs: e.INGEST_MAX_FUTURE_SECONDS * 1000,
    maxLabels: 64,
    maxLabelValueLength: 2048,
  };
}
