"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BusinessDto, BusinessQueryInput } from "@/lib/schemas/business";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";

export const useBusinessQuery = (slug: string, filters: BusinessQueryInput) => {
  const search = new URLSearchParams({
    range: filters.range ?? "24h",
    ...(filters.event ? { event: filters.event } : {}),
  }).toString();
  return useQuery({
    queryKey: queryKeys.business(slug, search),
    queryFn: () => apiFetch<BusinessDto>(`/api/v1/clients/${slug}/business?${search}`),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
};
