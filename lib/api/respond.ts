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
