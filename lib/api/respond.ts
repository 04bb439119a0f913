// The one mapper from thrown errors to JSON error responses. Unknown errors are logged
// and answered with a generic 500: internals never leak to callers.
import { ZodError } from "zod";
import { ApiError, type ErrorDetail } from "./errors";

export const json = (body: unknown, status = 200, headers?: Record<string, string>) =>
  Response.json(body, { status, headers });

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join(".") || undefined, reason: i.message }));
}

const isUniqueViolation = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

// Connection refused/reset, server shutting down, too many connections, pool timeouts:
// the request may succeed later, so it is a 503 with Retry-After, not a 500.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P03",
  "53300",
  "08006",
  "08001",
]);
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown } | null;
  if (!e) return false;
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  if (/Connection terminated|timeout exceeded when trying to connect|Can't reach database/i.test(e.message ?? ""))
    return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

export const unavailableResponse = (message = "The database is unavailable; retry shortly", retryAfterSeconds = 5) =>
  json({ error: { code: "unavailable", message } }, 503, { "Retry-After": String(retryAfterSeconds) });

export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    const body = { error: { code: err.code, message: err.message, ...(err.details && { details: err.details }) } };
    return json(body, err.status, err.headers);
  }
  if (err instanceof ZodError) {
    return json(
      { error: { code: "validation_failed", message: "Some fields are not valid", details: zodDetails(err) } },
      400,
    );
  }
  if (isUniqueViolation(err)) {
    return json({ error: { code: "conflict", message: "That already exists" } }, 409);
  }
  if (isDatabaseUnavailable(err)) {
    console.error("[api] database unavailable:", (err as Error).message);
    return unavailableResponse();
  }
  console.error("[api] unhandled error:", err);
  return json({ error: { code: "internal_error", message: "Something went wrong on our side" } }, 500);
}

/** Parses a JSON body with a zod schema; malformed JSON is a 400, not a 500. */
export async function readJson<T>(req: Request, schema: { parse: (v: unknown) => T }): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON");
  }
  return schema.parse(body);
}
