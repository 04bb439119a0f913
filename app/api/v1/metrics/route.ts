// POST /api/v1/metrics — metrics as JSON, or Prometheus text exposition (ingest key)
import { ingestRoute, requireContentType } from "@/lib/ingest/ingest-route";
import { parseJsonMetrics } from "@/lib/ingest/parse-json";
import { parsePromText } from "@/lib/ingest/parse-prom-text";
import { utf8 } from "@/lib/ingest/read-body";

export const POST = ingestRoute("/api/v1/metrics", (req) => {
  requireContentType(req, "application/json", "text/plain");
  const text = utf8(req.body);
  return req.contentType.startsWith("text/plain")
    ? parsePromText(text, req.limits)
    : parseJsonMetrics(text, req.limits);
});
