"use client";
import { useQuery } from "@tanstack/react-query";
import type { ApiKeyDto, CreateApiKeyInput, CreatedApiKeyDto } from "@/lib/schemas/api-keys";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";
import { useInvalidatingMutation } from "./use-invalidating-mutation";

const base = (slug: string) => `/api/v1/clients/${slug}/api-keys`;

export const useApiKeysQuery = (slug: string) =>
  useQuery({ queryKey: queryKeys.apiKeys(slug), queryFn: () => apiFetch<ApiKeyDto[]>(base(slug)) });

export const useCreateApiKeyMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.apiKeys(slug), (input: CreateApiKeyInput) =>
    apiFetch<CreatedApiKeyDto>(base(slug), { method: "POST", body: input }),
  );

export const useRevokeApiKeyMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.apiKeys(slug), (id: string) =>
    apiFetch<ApiKeyDto>(`${base(slug)}/${id}`, { method: "DELETE" }),
  );
