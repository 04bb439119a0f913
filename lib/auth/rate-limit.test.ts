import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  it("blocks after the limit until the window ends, per key", () => {
    let now = 0;
    const limiter = new FailureLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.blockedFor("a")).toBe(0);
      limiter.recordFailure("a");
    }
    now = 400;
    expect(limiter.blockedFor("a")).toBe(600);
    expect(limiter.blockedFor("b")).toBe(0);
    now = 1000;
    expect(limiter.blockedFor("a")).toBe(0);
  });

  it("forgets failures after a success", () => {
    const limiter = new FailureLimiter(2, 1000, () => 0);
    limiter.recordFailure("a");
    limiter.reset("a");
    limiter.recordFailure("a");
    expect(limiter.blockedFor("a")).toBe(0);
  });
});
