// A client's ingest policy (cardinality limits and sampling), with defaults from the
// environment. The hot path reads it through a short in-memory cache.
import { recordAudit } from "@/lib/audit/record-audit";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ingestPolicySchema, type IngestPolicyDto, type IngestPolicyInput } from "@/lib/schemas/ingest-policy";

const defaults = (): Omit<IngestPolicyDto, "isDefault"> => ({
  maxSeries: env().INGEST_MAX_SERIES,
  maxNewSeriesPerDay: env().INGEST_MAX_NEW_SERIES_PER_DAY,
  metricMinIntervalSec: 0,
  traceSampleRatio: 1,
  keepErrorSpans: true,
  slowSpanMs: null,
});

export async function getIngestPolicy(tenant: TenantContext): Promise<IngestPolicyDto> {
  const row = await getPrisma().ingestPolicy.findUnique({ where: { clientId: tenant.clientId } });
  if (!row) return { ...defaults(), isDefault: true };
  const { clientId: _c, updatedAt: _u, ...policy } = row;
  return { ...policy, isDefault: false };
}

export async function updateIngestPolicy(tenant: TenantContext, input: IngestPolicyInput): Promise<IngestPolicyDto> {
  const data = ingestPolicySchema.parse(input);
  await getPrisma().$transaction(async (tx) => {
    await tx.ingestPolicy.upsert({
      where: { clientId: tenant.clientId },
      create: { clientId: tenant.clientId, ...data },
      update: data,
    });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "ingest_policy.update",
      targetType: "ingest_policy",
      targetId: tenant.clientId,
      details: data,
    });
  });
  cache.delete(tenant.clientId);
  return { ...data, isDefault: false };
}

const CACHE_MS = 10_000;
const cache = new Map<string, { at: number; policy: Promise<IngestPolicyDto> }>();

/** For ingest: at most CACHE_MS stale, so a policy change applies within seconds. */
export function cachedIngestPolicy(tenant: TenantContext): Promise<IngestPolicyDto> {
  const hit = cache.get(tenant.clientId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.policy;
  const policy = getIngestPolicy(tenant);
  cache.set(tenant.clientId, { at: Date.now(), policy });
  policy.catch(() => cache.delete(tenant.clientId));
  return policy;
}
