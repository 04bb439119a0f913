// POST /api/v1/write — Prometheus remote_write 1.0, snappy-compressed protobuf (ingest key)
import { ingestRoute, jsonOutcome, requireContentType } from "@/lib/ingest/ingest-route";
import { parseRemoteWrite } from "@/lib/ingest/parse-remote-write";

export const POST = ingestRoute(
  "/api/v1/write",
  (req) => {
    requireContentType(req, "application/x-protobuf");
    return parseRemoteWrite(req.body, req.limits);
  },
  (batch, outcome) => {
    // Prometheus ignores 2xx bodies: 204 when anything was stored; 400 (not retried) when nothing could be.
    if (outcome.accepted === 0 && batch.rejected.length > 0) return jsonOutcome(batch, outcome);
    return new Response(null, { status: 204 });
  },
);
