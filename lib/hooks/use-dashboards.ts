"use client";
import { useQuery } from "@tanstack/react-query";
import type { DashboardDto, DashboardInput, DashboardSummaryDto } from "@/lib/schemas/dashboards";
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
export const useLabelValuesQuery = (slug: string, label: string, match: string) =>
  useQuery({
    queryKey: queryKeys.labelValues(slug, label, match),
    queryFn: () =>
      apiFetch<string[]>(
        `/api/v1/clients/${slug}/label-values?${new URLSearchParams({ label, ...(match ? { match } : {}) })}`,
      ),
    staleTime: 30_000,
  });
