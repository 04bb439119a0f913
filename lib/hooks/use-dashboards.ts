"use client";
import { useQuery } from "@tanstack/react-query";
import { RANGE_MS } from "@/lib/explore/time-range";
import type { AnnotationDto, DashboardDto, DashboardInput, DashboardSummaryDto } from "@/lib/schemas/dashboards";
import type { ExploreRange, FixedWindow } from "@/lib/schemas/explore";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";
import { useInvalidatingMutation } from "./use-invalidating-mutation";

const base = (slug: string) => `/api/v1/clients/${slug}/dashboards`;

export const useDashboardsQuery = (slug: string) =>
  useQuery({ queryKey: queryKeys.dashboards(slug), queryFn: () => apiFetch<DashboardSummaryDto[]>(base(slug)) });

export const useDashboardQuery = (slug: string, id: string) =>
  useQuery({ queryKey: queryKeys.dashboard(slug, id), queryFn: () => apiFetch<DashboardDto>(`${base(slug)}/${id}`) });

/** Create, or import an exported document (the same body). */
export const useCreateDashboardMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.dashboards(slug), (input: DashboardInput) =>
    apiFetch<DashboardDto>(base(slug), { method: "POST", body: input }),
  );

export const useSaveDashboardMutation = (slug: string, id: string) =>
  useInvalidatingMutation(queryKeys.dashboards(slug), (input: DashboardInput) =>
    apiFetch<DashboardDto>(`${base(slug)}/${id}`, { method: "PUT", body: input }),
  );

export const useDuplicateDashboardMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.dashboards(slug), (id: string) =>
    apiFetch<DashboardDto>(`${base(slug)}/${id}/duplicate`, { method: "POST" }),
  );

export const useDeleteDashboardMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.dashboards(slug), (id: string) =>
    apiFetch<void>(`${base(slug)}/${id}`, { method: "DELETE" }),
  );

/** The values a variable offers: one label's values over the matching series. */
export const useLabelValuesQuery = (slug: string, label: string, match: string, enabled = true) =>
  useQuery({
    enabled: enabled && label !== "",
    queryKey: queryKeys.labelValues(slug, label, match),
    queryFn: () =>
      apiFetch<string[]>(
        `/api/v1/clients/${slug}/label-values?${new URLSearchParams({ label, ...(match ? { match } : {}) })}`,
      ),
    staleTime: 30_000,
  });

export const useLabelNamesQuery = (slug: string, match: string) =>
  useQuery({
    queryKey: queryKeys.labelNames(slug, match),
    queryFn: () =>
      apiFetch<string[]>(`/api/v1/clients/${slug}/label-names?${new URLSearchParams(match ? { match } : {})}`),
    enabled: match !== "",
    staleTime: 30_000,
  });

/** Alert transitions and deploys in the dashboard's window (a relative one ends now at each refresh). */
export const useAnnotationsQuery = (
  slug: string,
  range: ExploreRange,
  fixed: FixedWindow | undefined,
  enabled: boolean,
  refetchMs?: number,
) =>
  useQuery({
    queryKey: queryKeys.annotations(slug, fixed ? `${fixed.from}-${fixed.to}` : range),
    queryFn: () => {
      const to = fixed?.to ?? Date.now();
      const from = fixed?.from ?? to - RANGE_MS[range];
      return apiFetch<AnnotationDto[]>(`/api/v1/clients/${slug}/annotations?from=${from}&to=${to}`);
    },
    enabled,
    // Annotations change rarely: live dashboards look again every 10 s at most.
    refetchInterval: refetchMs ? Math.max(refetchMs, 10_000) : false,
  });
