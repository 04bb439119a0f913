"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ExploreRange, ExploreResult } from "@/lib/schemas/explore";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";

export const useExploreQuery = (slug: string, query: string, range: ExploreRange) =>
  useQuery({
    queryKey: queryKeys.explore(slug, query, range),
    queryFn: () => apiFetch<ExploreResult>(`/api/v1/clients/${slug}/query?${new URLSearchParams({ query, range })}`),
    enabled: query.trim() !== "",
    // The previous chart stays while the next one loads, instead of a blank box.
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useMetricNamesQuery = (slug: string) =>
  useQuery({
    queryKey: queryKeys.metricNames(slug),
    queryFn: () => apiFetch<string[]>(`/api/v1/clients/${slug}/metric-names`),
    staleTime: 60_000,
  });
