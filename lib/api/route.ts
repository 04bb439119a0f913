// Wraps every route handler: maps thrown errors to JSON and records request metrics
// under the route's pattern (never the raw URL, which would explode cardinality).
import { httpRequestDuration } from "@/lib/observability/metrics";
import { errorResponse } from "./respond";

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export function route<P = Record<string, never>>(pattern: string, handler: Handler<P>): Handler<P> {
  return async (req, ctx) => {
    const started = performance.now();
    let res: Response;
    try {
      res = await handler(req, ctx);
    } catch (err) {
      res = errorResponse(err);
    }
    httpRequestDuration.labels(req.method, pattern, String(res.status)).observe((performance.now() - started) / 1000);
    return res;
  };
}
