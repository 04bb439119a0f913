// POST /api/otlp/v1/metrics — OTLP/HTTP metrics, protobuf or JSON (ingest key)
import { parseOtlpMetrics } from "@/lib/ingest/otlp/parse-metrics";
import { otlpRoute } from "@/lib/ingest/otlp/otlp-route";
import { ExportMetricsServiceRequest, ExportMetricsServiceResponse } from "@/lib/ingest/proto/otlp";

export const POST = otlpRoute(
  "/api/otlp/v1/metrics",
  ExportMetricsServiceRequest,
  ExportMetricsServiceResponse,
  "rejectedDataPoints",
  (decoded, req) => parseOtlpMetrics(decoded, req.limits),
);
