// A rule replayed over past steps (pure): the same state machine the scheduler runs, fed one
// step at a time, collecting each firing and when it would have resolved.
import { transitions, type Observed, type Open, type RuleLogic } from "./transitions";

export type ReplayStep = { t: number; observed: Observed[] };
export type ReplayedIncident = { labels: Record<string, string>; firedAt: number; resolvedAt: number | null };

export function replay(logic: RuleLogic, steps: ReplayStep[]): ReplayedIncident[] {
  const open = new Map<string, Open & { labels: Record<string, string>; incident?: ReplayedIncident }>();
  const incidents: ReplayedIncident[] = [];
  for (const { t, observed } of steps) {
    for (const tr of transitions(logic, observed, [...open.values()], t)) {
      const current = open.get(tr.fingerprint);
      switch (tr.kind) {
        case "pending":
        case "firing": {
          const entry = current ?? { fingerprint: tr.fingerprint, state: tr.kind, startedAt: t, labels: tr.labels };
          entry.state = tr.kind;
          entry.okStreak = 0;
          if (tr.kind === "firing") {
            entry.incident = { labels: tr.labels, firedAt: t, resolvedAt: null };
            incidents.push(entry.incident);
          }
          open.set(tr.fingerprint, entry);
          break;
        }
        case "still":
          if (current) current.okStreak = 0;
          break;
        case "recovering":
          if (current) current.okStreak = tr.okStreak;
          break;
        case "resolved":
          if (current?.incident) current.incident.resolvedAt = t;
          open.delete(tr.fingerprint);
          break;
        case "cleared":
          open.delete(tr.fingerprint);
      }
    }
  }
  return incidents;
}
