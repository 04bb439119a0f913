// Typed errors that handlers throw; lib/api/respond.ts turns them into
// { "error": { "code", "message", "details"? } } with the right status.
export type ErrorDetail = { index?: number; path?: string; reason: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = (message = "Sign in or send an API key as 'Authorization: Bearer <key>'") =>
  new ApiError(401, "unauthorized", message);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
// Another client's resource is "not found", never "forbidden": its existence is not revealed.
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);
export const conflict = (message: string) => new ApiError(409, "conflict", message);
export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new ApiError(400, "invalid_request", message, details);
export const tooManyRequests = (retryAfterSeconds: number, message = "Too many requests") =>
  new ApiError(429, "rate_limited", message, undefined, { "Retry-After": String(retryAfterSeconds) });
