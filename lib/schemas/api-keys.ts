import { z } from "zod";
import { API_KEY_SCOPES } from "@/lib/auth/roles";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it").max(80, "At most 80 characters"),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { message: "Scopes are ingest, read and admin" }))
    .min(1, "Choose at least one scope")
    .transform((s) => [...new Set(s)]),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export type ApiKeyDto = {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};
export type CreatedApiKeyDto = ApiKeyDto & { key: string };
