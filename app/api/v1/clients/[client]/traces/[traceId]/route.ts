// GET /api/v1/clients/:client/traces/:traceId — one trace's spans as a waterfall (members)
import { getTrace } from "@/lib/apm/get-performance";
import { notFound } from "@/lib/api/errors";
import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { tenantFromSession } from "@/lib/auth/session";

const TRACE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export const GET = route<{ client: string; traceId: string }>(
  "/api/v1/clients/[client]/traces/[traceId]",
  async (_req, { params }) => {
    const { client, traceId } = await params;
    const tenant = await tenantFromSession(client, "viewer");
    if (!TRACE_ID.test(traceId)) throw notFound("Trace");
    return json(await getTrace(tenant, traceId));
  },
);
