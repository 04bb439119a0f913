// POST /api/v1/events — business events as JSON (ingest key)
import { ingestRoute, requireContentType } from "@/lib/ingest/ingest-route";
import { parseEvents } from "@/lib/ingest/parse-json";
import { utf8 } from "@/lib/ingest/read-body";

export const POST = ingestRoute("/api/v1/events", (req) => {
  requireContentType(req, "application/json");
  return parseEvents(utf8(req.body), req.limits);
});
