// POST /api/otlp/v1/traces — OTLP/HTTP traces, protobuf or JSON (ingest key)
import { parseOtlpTraces } from "@/lib/ingest/otlp/parse-traces";
import { otlpRoute } from "@/lib/ingest/otlp/otlp-route";
import { ExportTraceServiceRequest, ExportTraceServiceResponse } from "@/lib/ingest/proto/otlp";

export const POST = otlpRoute(
  "/api/otlp/v1/traces",
  ExportTraceServiceRequest,
  ExportTraceServiceResponse,
  "rejectedSpans",
  (decoded, req) => parseOtlpTraces(decoded, req.limits),
);
