"use client";
import { useQuery } from "@tanstack/react-query";
import type { DrillDto, DrillSamplesDto } from "@/lib/schemas/drilldown";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";

/** `search`: the step's q, from, to and m parameters, as the page URL carries them. */
export const useDrillQuery = (slug: string, search: string, enabled = true) =>
  useQuery({
    queryKey: queryKeys.drill(slug, search),
    queryFn: () => apiFetch<DrillDto>(`/api/v1/clients/${slug}/drilldown?${search}`),
    enabled,
    retry: false,
  });

export const useDrillSamplesQuery = (slug: string, search: string, enabled = true) =>
  useQuery({
    queryKey: queryKeys.drillSamples(slug, search),
    queryFn: () => apiFetch<DrillSamplesDto>(`/api/v1/clients/${slug}/drilldown/samples?${search}`),
    enabled,
    retry: false,
  });
