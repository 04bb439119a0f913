// Where an incident's escalation stands (pure), for its page: each step of the policy with
// when it is due and whether it notified, is still to come, or was stopped by acknowledgement.
import { describeTargets, type EscalationStep } from "@/lib/schemas/escalation";
import type { EscalationStepStatus } from "@/lib/schemas/incidents";
import { escalationSchedule } from "./escalation-schedule";

const MAX_SHOWN = 20;

/** The step keys ("r0s1") the incident's notifications were written for. */
export const notifiedSteps = (dedupeKeys: string[]) =>
  new Set(dedupeKeys.flatMap((k) => k.match(/:firing:(r\d+s\d+):/)?.[1] ?? []));

export function escalationStatus(
  policy: { steps: EscalationStep[]; repeat: number; repeatDelaySeconds: number },
  incident: { firedAt: Date | null; acknowledgedAt: Date | null; resolvedAt: Date | null },
  notified: Set<string>,
  now: number,
): EscalationStepStatus[] {
  if (!incident.firedAt) return [];
  const stoppedAt = incident.acknowledgedAt ?? incident.resolvedAt;
  return escalationSchedule(policy, incident.firedAt.getTime())
    .slice(0, MAX_SHOWN)
    .map((d) => {
      const sent = notified.has(`r${d.run}s${d.step}`);
      const state = sent ? "notified" : stoppedAt ? "stopped" : d.at <= now ? "held" : "upcoming";
      return { run: d.run, step: d.step, at: new Date(d.at).toISOString(), targets: describeTargets(d.target), state };
    });
}
