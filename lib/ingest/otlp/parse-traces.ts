// OTLP traces → span rows: service from service.name, route from http.route (pure).
import { hasUnstorableText, textProblem, timeProblem, type IngestLimits } from "../limits";
import { emptyBatch, type ParsedBatch } from "../normalized";
import { attributes, idHex, nanosToMillis, type KeyValue } from "./attributes";

type Span = {
  traceId?: unknown;
  spanId?: unknown;
  parentSpanId?: unknown;
  name?: string;
  kind?: number | string;
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  attributes?: KeyValue[];
  status?: { code?: number | string; message?: string };
};
export type OtlpTracesRequest = {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { scope?: { name?: string }; spans?: Span[] }[];
  }[];
};

const KINDS = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const STATUSES = ["unset", "ok", "error"];
const enumName = (v: number | string | undefined, names: string[], prefix: string) =>
  typeof v === "string" ? v.replace(prefix, "").toLowerCase() : (names[v ?? 0] ?? names[0]);

export function parseOtlpTraces(req: OtlpTracesRequest, limits: IngestLimits, now = Date.now()): ParsedBatch {
  const out = emptyBatch();
  let index = 0;
  for (const rs of req.resourceSpans ?? []) {
    const resource = attributes(rs.resource?.attributes);
    const service = String(resource["service.name"] ?? "unknown_service");
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        const i = index++;
        const traceId = idHex(s.traceId);
        const spanId = idHex(s.spanId);
        if (!/^[0-9a-f]{32}$/.test(traceId) || !/^[0-9a-f]{16}$/.test(spanId)) {
          out.rejected.push({ index: i, code: "invalid_id", reason: "traceId must be 16 bytes and spanId 8 bytes" });
          continue;
        }
        const start = nanosToMillis(s.startTimeUnixNano);
        const end = nanosToMillis(s.endTimeUnixNano);
        const problem = timeProblem(start, now, limits);
        if (problem) {
          out.rejected.push({ index: i, ...problem });
          continue;
        }
        const attrs = attributes(s.attributes);
        if (hasUnstorableText([attrs, s.name, service, s.status?.message])) {
          out.rejected.push({ index: i, ...textProblem });
          continue;
        }
        const parent = idHex(s.parentSpanId);
        out.spans.push({
          time: new Date(start),
          traceId,
          spanId,
          parentSpanId: parent || undefined,
          service,
          name: s.name ?? "",
          route: typeof attrs["http.route"] === "string" ? attrs["http.route"] : undefined,
          kind: enumName(s.kind, KINDS, "SPAN_KIND_"),
          status: enumName(s.status?.code, STATUSES, "STATUS_CODE_"),
          durationMs: Number.isFinite(end) ? Math.max(0, end - start) : 0,
          attributes: { ...attrs, ...(s.status?.message ? { "status.message": s.status.message } : {}) },
        });
      }
    }
  }
  out.received = index;
  return out;
}
