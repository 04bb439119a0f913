"use client";
import { useQuery } from "@tanstack/react-query";
import type { Overview } from "@/lib/overview/get-overview";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";

export const useOverviewQuery = (slug: string) =>
  useQuery({
    queryKey: queryKeys.overview(slug),
    queryFn: () => apiFetch<Overview>(`/api/v1/clients/${slug}/overview`),
    refetchInterval: 60_000,
  });
