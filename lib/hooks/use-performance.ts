"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Waterfall } from "@/lib/apm/waterfall";
import type { PerformanceDto, PerformanceQueryInput, TraceSummaryDto } from "@/lib/schemas/performance";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";

const search = (f: PerformanceQueryInput) =>
  new URLSearchParams(
    Object.entries(f).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])),
  ).toString();

/** Refreshed every 30 s: the view follows the traffic without a reload. */
export const usePerformanceQuery = (slug: string, filters: PerformanceQueryInput) =>
  useQuery({
    queryKey: queryKeys.performance(slug, search(filters)),
    queryFn: () => apiFetch<PerformanceDto>(`/api/v1/clients/${slug}/performance?${search(filters)}`),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });

export const useSlowestRequestsQuery = (slug: string, filters: PerformanceQueryInput) =>
  useQuery({
    queryKey: queryKeys.slowest(slug, search(filters)),
    queryFn: () => apiFetch<TraceSummaryDto[]>(`/api/v1/clients/${slug}/traces?${search(filters)}`),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });

export const useTraceQuery = (slug: string, traceId: string) =>
  useQuery({
    queryKey: queryKeys.trace(slug, traceId),
    queryFn: () => apiFetch<Waterfall & { traceId: string }>(`/api/v1/clients/${slug}/traces/${traceId}`),
  });
