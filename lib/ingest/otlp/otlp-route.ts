// OTLP/HTTP endpoints: protobuf or JSON in, the matching Export*ServiceResponse out,
// with partial_success when some data points or spans were rejected.
import type protobuf from "protobufjs";
import { ingestRoute, requireContentType, type IngestRequest } from "../ingest-route";
import type { ParsedBatch } from "../normalized";
import { MalformedBodyError } from "../parse-json";
import { decodeOtlp } from "../proto/otlp";
import { utf8 } from "../read-body";

export function otlpRoute(
  endpoint: string,
  request: protobuf.Type,
  response: protobuf.Type,
  rejectedField: "rejectedDataPoints" | "rejectedSpans",
  parse: (decoded: never, req: IngestRequest) => ParsedBatch,
) {
  return ingestRoute(
    endpoint,
    (req) => {
      requireContentType(req, "application/x-protobuf", "application/json");
      const decoded: unknown = req.contentType.startsWith("application/json")
        ? JSON.parse(utf8(req.body))
        : decodeOtlp(request, req.body);
      if (typeof decoded !== "object" || decoded === null)
        throw new MalformedBodyError("The body is not an OTLP object");
      return parse(decoded as never, req);
    },
    (batch, _outcome, req) => {
      const partialSuccess = batch.rejected.length
        ? {
            [rejectedField]: batch.rejected.length,
            errorMessage: batch.rejected
              .slice(0, 5)
              .map((r) => r.reason)
              .join("; "),
          }
        : undefined;
      const body = partialSuccess ? { partialSuccess } : {};
      if (req.contentType.startsWith("application/json")) return Response.json(body);
      const bytes = response.encode(response.fromObject(body)).finish();
      return new Response(Buffer.from(bytes), { headers: { "Content-Type": "application/x-protobuf" } });
    },
  );
}
