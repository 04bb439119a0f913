"use client";
import { useQuery } from "@tanstack/react-query";
import type { IngestPolicyDto, IngestPolicyInput } from "@/lib/schemas/ingest-policy";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";
import { useInvalidatingMutation } from "./use-invalidating-mutation";

const url = (slug: string) => `/api/v1/clients/${slug}/ingest-policy`;

export const useIngestPolicyQuery = (slug: string) =>
  useQuery({ queryKey: queryKeys.ingestPolicy(slug), queryFn: () => apiFetch<IngestPolicyDto>(url(slug)) });

export const useUpdateIngestPolicyMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.ingestPolicy(slug), (input: IngestPolicyInput) =>
    apiFetch<IngestPolicyDto>(url(slug), { method: "PUT", body: input }),
  );
