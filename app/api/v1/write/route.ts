// POST /api/v1/write — Prometheus remote_write 1.0, snappy-compressed protobuf (ingest key)
import { ingestRoute, requireContentType } from "@/lib/ingest/ingest-route";
import { parseRemoteWrite } from "@/lib/ingest/parse-remote-write";

export const POST = ingestRoute(
  "/api/v1/write",
  (req) => {
    requireContentType(req, "application/x-protobuf");
    return parseRemoteWrite(req.body, req.limits);
  },
  () => new Response(null, { status: 204 }),
);
