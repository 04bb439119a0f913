// API keys of one client: created with scopes, shown once, stored as a hash, revocable.
import { recordAudit } from "@/lib/audit/record-audit";
import { generateApiKey } from "@/lib/auth/api-key-token";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import { notFound } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import type { ApiKey } from "@/lib/db/generated/client";
import {
  createApiKeySchema,
  type ApiKeyDto,
  type CreateApiKeyInput,
  type CreatedApiKeyDto,
} from "@/lib/schemas/api-keys";

const toDto = (k: ApiKey): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  scopes: k.scopes,
  prefix: k.prefix,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  createdAt: k.createdAt.toISOString(),
});

export async function listApiKeys(tenant: TenantContext): Promise<ApiKeyDto[]> {
  const keys = await getPrisma().apiKey.findMany({
    where: { clientId: tenant.clientId },
    orderBy: { createdAt: "desc" },
  });
  return keys.map(toDto);
}

/** The only moment the key exists in clear: it is returned here and never again. */
export async function createApiKey(tenant: TenantContext, input: CreateApiKeyInput): Promise<CreatedApiKeyDto> {
  const data = createApiKeySchema.parse(input);
  const { key, prefix, hash } = generateApiKey();
  return getPrisma().$transaction(async (tx) => {
    const k = await tx.apiKey.create({
      data: { clientId: tenant.clientId, name: data.name, scopes: data.scopes, prefix, keyHash: hash },
    });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "apikey.create",
      targetType: "api_key",
      targetId: k.id,
      details: { name: data.name, scopes: data.scopes, prefix },
    });
    return { ...toDto(k), key };
  });
}

export async function revokeApiKey(tenant: TenantContext, id: string): Promise<ApiKeyDto> {
  const prisma = getPrisma();
  const k = await prisma.apiKey.findFirst({ where: { id, clientId: tenant.clientId } });
  if (!k) throw notFound("API key");
  if (k.revokedAt) return toDto(k);
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.apiKey.update({ where: { id: k.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "apikey.revoke",
      targetType: "api_key",
      targetId: k.id,
      details: { name: k.name, prefix: k.prefix },
    });
    return toDto(revoked);
  });
}
