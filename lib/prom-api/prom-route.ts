// Route wrapper for the Prometheus-compatible HTTP API: read-scoped API key (Bearer or
// basic auth password), parameters from the query string and from a POSTed form, and
// Prometheus' response envelope: { status, data } or { status: "error", errorType, error }.
import { ApiError } from "@/lib/api/errors";
import { isDatabaseUnavailable } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import type { TenantContext } from "@/lib/auth/tenant";
import { tenantFromApiKey } from "@/lib/auth/tenant-access";
import { parseDuration } from "@/lib/promql/duration";

export class PromApiError extends Error {
  constructor(
    readonly errorType: "bad_data" | "execution" | "timeout" | "canceled" | "internal" | "unavailable",
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const promSuccess = (data: unknown, warnings?: string[], headers?: Record<string, string>) =>
  Response.json({ status: "success", data, ...(warnings?.length ? { warnings } : {}) }, { headers });

/** Which data a PromQL answer was computed from: raw samples and/or rollups (e.g. "1h", "1h,raw"). */
export const resolutionHeader = (resolutions: string[] = []) => ({
  "X-Telltale-Resolution": resolutions.length ? [...resolutions].sort().join(",") : "none",
});

const promError = (status: number, errorType: string, error: string, headers?: Record<string, string>) =>
  Response.json({ status: "error", errorType, error }, { status, headers });

function toPromError(err: unknown): Response {
  if (err instanceof PromApiError) return promError(err.status, err.errorType, err.message);
  if (err instanceof ApiError) return promError(err.status, err.code, err.message, err.headers);
  const typed = err as { errorType?: string; message?: string };
  if (typed?.errorType === "bad_data") return promError(400, "bad_data", typed.message ?? "bad request");
  if (typed?.errorType === "execution") return promError(422, "execution", typed.message ?? "execution error");
  if (typed?.errorType === "timeout") return promError(503, "timeout", typed.message ?? "query timed out");
  if (isDatabaseUnavailable(err))
    return promError(503, "unavailable", "storage is unavailable; retry shortly", { "Retry-After": "5" });
  console.error("[prom-api] unhandled error:", err);
  return promError(500, "internal", "internal error");
}

/** Query string and, for POST, the urlencoded form body (repeated keys such as match[] kept). */
async function params(req: Request): Promise<URLSearchParams> {
  const all = new URL(req.url).searchParams;
  if (req.method === "POST" && (req.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(await req.text())) all.append(k, v);
  }
  return all;
}

type Handler<P> = (tenant: TenantContext, params: URLSearchParams, path: P) => Promise<Response>;

export function promRoute<P = Record<string, never>>(pattern: string, handler: Handler<P>) {
  return route<P>(pattern, async (req, ctx) => {
    try {
      const tenant = await tenantFromApiKey(req, "read");
      return await handler(tenant, await params(req), await ctx.params);
    } catch (err) {
      return toPromError(err);
    }
  });
}

/** Prometheus time parameter: RFC 3339 or Unix seconds (fractions allowed). */
export function parseTime(value: string | null, name: string): Date | undefined {
  if (value === null || value === "") return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value);
  if (!Number.isFinite(ms))
    throw new PromApiError("bad_data", `invalid parameter "${name}": cannot parse "${value}" to a valid timestamp`);
  return new Date(ms);
}

/** A duration parameter (step, timeout): Prometheus syntax (15s, 1m30s) or seconds (15, 0.5). */
export function parseDurationParam(value: string | null, name: string): number | undefined {
  if (value === null || value === "") return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : parseDuration(value);
  if (ms === null || Number.isNaN(ms))
    throw new PromApiError("bad_data", `invalid parameter "${name}": cannot parse "${value}" to a valid duration`);
  return ms;
}
