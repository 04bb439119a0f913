"use client";
import { useQuery } from "@tanstack/react-query";
import type { SystemHealthDto } from "@/lib/schemas/system-health";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";

export const useSystemHealthQuery = (slug: string) =>
  useQuery({
    queryKey: queryKeys.systemHealth(slug),
    queryFn: () => apiFetch<SystemHealthDto>(`/api/v1/clients/${slug}/system-health`),
    refetchInterval: 15_000,
  });
