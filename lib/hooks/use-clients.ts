"use client";
import { useQuery } from "@tanstack/react-query";
import type { ClientDto, CreateClientInput, UpdateClientInput } from "@/lib/schemas/clients";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";
import { useInvalidatingMutation } from "./use-invalidating-mutation";

export const useClientsQuery = () =>
  useQuery({ queryKey: queryKeys.clients(), queryFn: () => apiFetch<ClientDto[]>("/api/v1/clients") });

export const useCreateClientMutation = () =>
  useInvalidatingMutation(queryKeys.clients(), (input: CreateClientInput) =>
    apiFetch<ClientDto>("/api/v1/clients", { method: "POST", body: input }),
  );

export const useUpdateClientMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.clients(), (input: UpdateClientInput) =>
    apiFetch<ClientDto>(`/api/v1/clients/${slug}`, { method: "PATCH", body: input }),
  );
