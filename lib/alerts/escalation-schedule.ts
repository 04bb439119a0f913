// When each escalation step is due for a firing incident (pure). Step k of run r is due at
// firedAt + r·(run length + repeatDelay) + Σ delays up to k; a run's length is the sum of
// its delays. Acknowledged or resolved incidents are not escalated at all (the caller's job).
import type { EscalationStep } from "@/lib/schemas/escalation";

export type DueStep = { run: number; step: number; at: number; target: EscalationStep };

export function escalationSchedule(
  policy: { steps: EscalationStep[]; repeat: number; repeatDelaySeconds: number },
  firedAt: number,
): DueStep[] {
  const out: DueStep[] = [];
  const runLength = policy.steps.reduce((n, s) => n + s.delaySeconds, 0) * 1000;
  for (let run = 0; run <= policy.repeat; run++) {
    let at = firedAt + run * (runLength + policy.repeatDelaySeconds * 1000);
    policy.steps.forEach((target, step) => {
      at += target.delaySeconds * 1000;
      out.push({ run, step, at, target });
    });
  }
  return out;
}

/** The steps due by `now`. */
export const dueSteps = (...args: [...Parameters<typeof escalationSchedule>, number]) =>
  escalationSchedule(args[0], args[1]).filter((s) => s.at <= args[2]);
