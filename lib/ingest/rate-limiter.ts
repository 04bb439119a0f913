// Token buckets per client: `ratePerSecond` items on average, bursts up to `burstSeconds`
// worth. In memory, per process: behind several replicas each enforces its own share.
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burstSeconds = 2,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens for `key`; returns 0, or the seconds to wait before retrying. */
  take(key: string, cost: number): number {
    const capacity = this.ratePerSecond * this.burstSeconds;
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: capacity, at: t };
    b.tokens = Math.min(capacity, b.tokens + ((t - b.at) / 1000) * this.ratePerSecond);
    b.at = t;
    this.buckets.set(key, b);
    // A single request larger than the whole burst can never fit: let it through when the bucket is full.
    const needed = Math.min(cost, capacity);
    if (b.tokens < needed) return Math.max(1, Math.ceil((needed - b.tokens) / this.ratePerSecond));
    b.tokens -= cost;
    return 0;
  }
}
