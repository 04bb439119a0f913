"use client";
import { useQuery } from "@tanstack/react-query";
import type { AddMemberInput, MemberDto } from "@/lib/schemas/members";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";
import { useInvalidatingMutation } from "./use-invalidating-mutation";

const base = (slug: string) => `/api/v1/clients/${slug}/members`;

export const useMembersQuery = (slug: string) =>
  useQuery({ queryKey: queryKeys.members(slug), queryFn: () => apiFetch<MemberDto[]>(base(slug)) });

export const useAddMemberMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.members(slug), (input: AddMemberInput) =>
    apiFetch<MemberDto>(base(slug), { method: "POST", body: input }),
  );

export const useChangeRoleMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.members(slug), ({ id, role }: { id: string; role: string }) =>
    apiFetch<MemberDto>(`${base(slug)}/${id}`, { method: "PATCH", body: { role } }),
  );

export const useRemoveMemberMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.members(slug), (id: string) =>
    apiFetch<void>(`${base(slug)}/${id}`, { method: "DELETE" }),
  );
