import { describe, expect, it } from "vitest";
import { dueSteps, escalationSchedule } from "./escalation-schedule";

const policy = {
  steps: [
    { delaySeconds: 0, roles: ["manager" as const], members: [], emails: [], webhooks: [] },
    { delaySeconds: 300, roles: [], members: [], emails: ["boss@x.test"], webhooks: [] },
  ],
  repeat: 1,
  repeatDelaySeconds: 600,
};

describe("escalation schedule", () => {
  it("runs the steps by their delays, then repeats after the repeat delay", () => {
    expect(escalationSchedule(policy, 0).map((s) => [s.run, s.step, s.at / 1000])).toEqual([
      [0, 0, 0],
      [0, 1, 300],
      [1, 0, 900],
      [1, 1, 1200],
    ]);
  });

  it("gives what is due by a moment, with a controllable clock", () => {
    expect(dueSteps(policy, 1_000, 1_000).map((s) => s.step)).toEqual([0]);
    expect(dueSteps(policy, 1_000, 1_000 + 299_999)).toHaveLength(1);
    expect(dueSteps(policy, 1_000, 1_000 + 300_000)).toHaveLength(2);
    expect(dueSteps(policy, 1_000, 1_000 + 10_000_000)).toHaveLength(4);
  });
});
