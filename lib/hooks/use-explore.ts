"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ExploreRange, FixedWindow } from "@/lib/schemas/explore";
import { apiFetch } from "./api-fetch";
import { batchedExploreQuery } from "./query-batcher";
import { exploreWindow, queryKeys } from "./query-keys";

/** PromQL over a range or a fixed window (Explore, dashboard panels); `refetchMs` keeps it live. */
export const useExploreQuery = (
  slug: string,
  query: string,
  range: ExploreRange,
  fixed?: FixedWindow,
  refetchMs?: number,
) =>
  useQuery({
    refetchInterval: refetchMs || false,
    queryKey: queryKeys.explore(slug, query, exploreWindow(range, fixed)),
    queryFn: () => batchedExploreQuery(slug, { query, range, ...(fixed ?? {}) }),
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
