import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limiter";

describe("TokenBuckets", () => {
  it("allows bursts up to the capacity, then asks to wait, per client", () => {
    let now = 0;
    const buckets = new TokenBuckets(100, 2, () => now);
    expect(buckets.take("a", 150)).toBe(0);
    expect(buckets.take("a", 100)).toBe(1);
    expect(buckets.take("b", 200)).toBe(0);
    now = 1000;
    expect(buckets.take("a", 100)).toBe(0);
  });

  it("lets a request bigger than the burst through only when the bucket is full", () => {
    let now = 0;
    const buckets = new TokenBuckets(10, 1, () => now);
    expect(buckets.take("a", 50)).toBe(0);
    expect(buckets.take("a", 50)).toBeGreaterThan(0);
    now = 100_000;
    expect(buckets.take("a", 50)).toBe(0);
  });
});
