// The shared shape of every ingest endpoint: ingest-scoped key → body (size-limited) →
// protocol parser → pipeline → response. Overload and storage trouble answer 503 with
// Retry-After (senders retry those); malformed input is a 400, never a 5xx.
import { ApiError, tooManyRequests } from "@/lib/api/errors";
import { errorResponse, json, unavailableResponse } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import type { TenantContext } from "@/lib/auth/tenant";
import { tenantFromApiKey } from "@/lib/auth/tenant-access";
import { env } from "@/lib/env";
import { ingestLimits } from "./config";
import type { IngestLimits } from "./limits";
import type { ParsedBatch } from "./normalized";
import { MalformedBodyError } from "./parse-json";
import { ingest, writerSaturated, type IngestOutcome } from "./pipeline";
import { TokenBuckets } from "./rate-limiter";
import { readBody } from "./read-body";
import { ingestMetrics } from "./self-metrics";
import { OverloadedError } from "./writer";

const holder = globalThis as unknown as { __telltaleRateLimiter?: TokenBuckets; __telltaleInflight?: { n: number } };
const rateLimiter = () => (holder.__telltaleRateLimiter ??= new TokenBuckets(env().INGEST_RATE_LIMIT));
const inflight = (holder.__telltaleInflight ??= { n: 0 });
const rowCount = (b: ParsedBatch) =>
  b.metrics.reduce((n, m) => n + m.points.length, 0) + b.events.length + b.spans.length;

export type IngestRequest = { body: Uint8Array; contentType: string; limits: IngestLimits };
export type Responder = (batch: ParsedBatch, outcome: IngestOutcome, req: IngestRequest) => Response;

/** The default answer: what was accepted, and each rejected item with its index and reason. */
export function jsonOutcome(batch: ParsedBatch, outcome: IngestOutcome): Response {
  const errors = batch.rejected.map(({ index, reason }) => ({ index, reason }));
  if (outcome.accepted === 0 && errors.length > 0) {
    throw new ApiError(400, "invalid_items", "No item in the batch was valid", errors);
  }
  return json({ accepted: outcome.accepted, rejected: errors.length, errors });
}

export function ingestRoute(
  endpoint: string,
  parse: (req: IngestRequest) => ParsedBatch,
  respond: Responder = jsonOutcome,
) {
  /** Runs the protocol parser; whatever it throws on hostile input is the body's fault (400). */
  function parseBody(request: IngestRequest): ParsedBatch {
    try {
      return parse(request);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      ingestMetrics.rejected.inc({ endpoint, reason: "malformed_body" });
      const detail =
        err instanceof MalformedBodyError ? err.message : `The body could not be read: ${(err as Error).message}`;
      throw new ApiError(400, "malformed_body", detail);
    }
  }

  async function handle(tenant: TenantContext, req: Request): Promise<Response> {
    const request: IngestRequest = {
      body: await readBody(req, env().INGEST_MAX_BODY_BYTES),
      contentType: (req.headers.get("content-type") ?? "").toLowerCase(),
      limits: ingestLimits(),
    };
    const batch = parseBody(request);
    for (const r of batch.rejected) ingestMetrics.rejected.inc({ endpoint, reason: r.code });
    const wait = rateLimiter().take(tenant.clientId, rowCount(batch));
    if (wait > 0) {
      ingestMetrics.rejected.inc({ endpoint, reason: "rate_limited" }, batch.received);
      throw tooManyRequests(wait, `This client is sending more than ${env().INGEST_RATE_LIMIT} items per second`);
    }
    let outcome: IngestOutcome;
    try {
      outcome = await ingest(tenant, batch);
    } catch (err) {
      return unavailable(err);
    }
    ingestMetrics.accepted.inc({ endpoint, kind: "items" }, outcome.accepted);
    if (outcome.sampledOut > 0) ingestMetrics.sampledOut.inc({ endpoint }, outcome.sampledOut);
    for (const r of outcome.rejected) ingestMetrics.rejected.inc({ endpoint, reason: r.code });
    batch.rejected.push(...outcome.rejected);
    batch.rejected.sort((a, b) => a.index - b.index);
    try {
      return respond(batch, outcome, request);
    } catch (err) {
      return errorResponse(err);
    }
  }

  return route(endpoint, async (req) => {
    const tenant = await tenantFromApiKey(req, "ingest");
    // Memory stays bounded under overload: at most INGEST_MAX_INFLIGHT bodies are read and
    // parsed at once, and none while the writer's buffer is full.
    const busy =
      inflight.n >= env().INGEST_MAX_INFLIGHT ? "too_many_in_flight" : writerSaturated() ? "buffer_full" : null;
    if (busy) {
      ingestMetrics.refusedRequests.inc({ endpoint, reason: busy });

      return unavailableResponse("Telltale is busy writing; retry shortly", 1);
    }
    inflight.n++;
    try {
      return await handle(tenant, req);
    } finally {
      inflight.n--;
    }
  });
}

/** Any failure after parsing is the server's, not the sender's: 503, so senders retry. */
function unavailable(err: unknown): Response {
  if (err instanceof ApiError) return errorResponse(err);
  if (err instanceof OverloadedError) return unavailableResponse(err.message, err.retryAfterSeconds);
  console.error("[ingest] write failed:", (err as Error).message);
  return unavailableResponse("Storage is unavailable; nothing was stored, retry shortly");
}

export const requireContentType = (req: IngestRequest, ...accepted: string[]) => {
  if (!accepted.some((t) => req.contentType.startsWith(t))) {
    throw new ApiError(400, "unsupported_media_type", `Send Content-Type ${accepted.join(" or ")}`);
  }
};
