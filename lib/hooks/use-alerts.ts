"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { AlertRuleDto, AlertRuleInput, BacktestDto } from "@/lib/schemas/alert-rules";
import type { EscalationPolicyDto, EscalationPolicyInput } from "@/lib/schemas/escalation";
import type { IncidentDto } from "@/lib/schemas/incidents";
import type { SilenceDto, SilenceInput } from "@/lib/schemas/silences";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./query-keys";
import { useInvalidatingMutation } from "./use-invalidating-mutation";

const base = (slug: string) => `/api/v1/clients/${slug}`;

export const useAlertRulesQuery = (slug: string) =>
  useQuery({
    queryKey: queryKeys.alertRules(slug),
    queryFn: () => apiFetch<AlertRuleDto[]>(`${base(slug)}/alert-rules`),
    refetchInterval: 10_000,
  });

export const useCreateAlertRuleMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.alertRules(slug), (input: AlertRuleInput) =>
    apiFetch<AlertRuleDto>(`${base(slug)}/alert-rules`, { method: "POST", body: input }),
  );

export const useUpdateAlertRuleMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.alertRules(slug), ({ id, input }: { id: string; input: AlertRuleInput }) =>
    apiFetch<AlertRuleDto>(`${base(slug)}/alert-rules/${id}`, { method: "PUT", body: input }),
  );

/** A backtest changes nothing: a plain mutation, run when asked (it reads a week of data). */
export const useBacktestMutation = (slug: string) =>
  useMutation({
    mutationFn: (input: AlertRuleInput) =>
      apiFetch<BacktestDto>(`${base(slug)}/alert-rules/backtest`, { method: "POST", body: input }),
  });

export const useDeleteAlertRuleMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.alertRules(slug), (id: string) =>
    apiFetch<void>(`${base(slug)}/alert-rules/${id}`, { method: "DELETE" }),
  );

export const useIncidentsQuery = (slug: string, state: "open" | "resolved" | "all") =>
  useQuery({
    queryKey: queryKeys.incidentList(slug, state),
    queryFn: () => apiFetch<IncidentDto[]>(`${base(slug)}/incidents?state=${state}`),
    refetchInterval: 5_000,
  });

export const useIncidentQuery = (slug: string, id: string) =>
  useQuery({
    queryKey: queryKeys.incident(slug, id),
    queryFn: () => apiFetch<IncidentDto>(`${base(slug)}/incidents/${id}`),
    refetchInterval: 5_000,
  });

/** Acknowledge or resolve; refreshes every incident view of the client. */
export const useIncidentActionMutation = (slug: string, id: string) =>
  useInvalidatingMutation(queryKeys.incidents(slug), (action: "acknowledge" | "resolve") =>
    apiFetch<IncidentDto>(`${base(slug)}/incidents/${id}/${action}`, { method: "POST" }),
  );

export const usePoliciesQuery = (slug: string) =>
  useQuery({
    queryKey: queryKeys.escalationPolicies(slug),
    queryFn: () => apiFetch<EscalationPolicyDto[]>(`${base(slug)}/escalation-policies`),
  });

export const useCreatePolicyMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.escalationPolicies(slug), (input: EscalationPolicyInput) =>
    apiFetch<EscalationPolicyDto>(`${base(slug)}/escalation-policies`, { method: "POST", body: input }),
  );

export const useDeletePolicyMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.escalationPolicies(slug), (id: string) =>
    apiFetch<void>(`${base(slug)}/escalation-policies/${id}`, { method: "DELETE" }),
  );

export const useSilencesQuery = (slug: string) =>
  useQuery({
    queryKey: queryKeys.silences(slug),
    queryFn: () => apiFetch<SilenceDto[]>(`${base(slug)}/silences`),
    refetchInterval: 30_000,
  });

export const useCreateSilenceMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.silences(slug), (input: SilenceInput) =>
    apiFetch<SilenceDto>(`${base(slug)}/silences`, { method: "POST", body: input }),
  );

export const useExpireSilenceMutation = (slug: string) =>
  useInvalidatingMutation(queryKeys.silences(slug), (id: string) =>
    apiFetch<void>(`${base(slug)}/silences/${id}`, { method: "DELETE" }),
  );
