"use client";
import { useQuery } from "@tanstack/react-query";
import type {
  NotificationChannelDto,
  NotificationDto,
  OutboxDto,
  TestNotificationInput,
} from "@/lib/schemas/notifications";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";
import { useInvalidatingMutation } from "./use-invalidating-mutation";

const base = (slug: string) => `/api/v1/clients/${slug}`;

export const useOutboxQuery = (slug: string, status: string) =>
  useQuery({
    queryKey: queryKeys.outboxList(slug, status),
    queryFn: () => apiFetch<OutboxDto>(`${base(slug)}/notifications?status=${status}`),
    refetchInterval: 5_000,
  });

export const useNotificationQuery = (slug: string, id: string | null) =>
  useQuery({
    queryKey: queryKeys.notification(slug, id ?? ""),
    queryFn: () => apiFetch<NotificationDto>(`${base(slug)}/notifications/${id}`),
    enabled: id !== null,
  });

export const useChannelsQuery = (slug: string) =>
  useQuery({
    queryKey: queryKeys.channels(slug),
    queryFn: () => apiFetch<NotificationChannelDto[]>(`${base(slug)}/notification-channels`),
  });

export const useTestNotificationMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.outbox(slug), (input: TestNotificationInput) =>
    apiFetch<NotificationDto>(`${base(slug)}/notifications/test`, { method: "POST", body: input }),
  );
