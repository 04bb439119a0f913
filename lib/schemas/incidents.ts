import { z } from "zod";

export const incidentFilterSchema = z.object({
  state: z.enum(["open", "resolved", "all"]).default("open"),
});

/** notified: written to the outbox; upcoming: not due yet; stopped: acknowledged or resolved first;
 * held: due but not sent (a silence, or flapping). */
export type EscalationStepStatus = {
  run: number;
  step: number;
  at: string;
  targets: string;
  state: "notified" | "upcoming" | "stopped" | "held";
};

export type IncidentEventDto = { at: string; kind: string; actor: string | null; value: number | null };
export type IncidentDto = {
  id: string;
  ruleId: string;
  ruleName: string;
  query: string;
  comparator: string;
  threshold: number;
  state: "pending" | "firing" | "acknowledged" | "resolved";
  severity: "critical" | "high" | "warning" | "info";
  labels: Record<string, string>;
  value: number | null;
  summary: string;
  startedAt: string;
  firedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  events?: IncidentEventDto[];
  notified?: { target: string; status: string; attempts: number; sentAt: string | null }[];
  /** Explore on this incident's series around its time (drill-down); null for rules without a query. */
  explorePath?: string | null;
  /** The escalation policy for its severity and where each step stands (detail only). */
  escalation?: { policy: string; steps: EscalationStepStatus[] } | null;
  /** Silences holding this incident's notices right now. */
  silencedBy?: { id: string; matchers: string; comment: string; endsAt: string }[];
};
