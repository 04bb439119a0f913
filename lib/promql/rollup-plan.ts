// The query planner's one decision (pure): may a range function read rollup buckets
// instead of raw samples? Only when every window it evaluates starts and ends on bucket
// boundaries: then whole buckets plus the first sample at the window's end (bucketWindow)
// give exactly the samples the raw window holds, and the answer is the same.
import type { At, Expr } from "./ast";
import { BUCKET_FUNCTIONS } from "./eval/buckets";

export type RollupResolution = { name: "1m" | "1h"; ms: number };
export const ROLLUP_RESOLUTIONS: RollupResolution[] = [
  { name: "1h", ms: 3_600_000 },
  { name: "1m", ms: 60_000 },
];

type Call = Extract<Expr, { type: "call" }>;
/** `force`: use an exact rollup even where raw samples would be cheaper (tests of exactness). */
export type PlanContext = { start: number; end: number; step: number; inSubquery: boolean; force?: boolean };

// Buckets pay off for long windows or long queries; for a few hours of 5-minute rates the raw
// rows are few and one plain read beats the bucket read plus the raw tail after the watermark.
const MIN_BUCKETS_PER_WINDOW = 10;
const MIN_SPAN_MS = 24 * 3_600_000;

const aligned = (t: number, ms: number) => t % ms === 0;

/** The coarsest resolution that answers `call` exactly at every step, when it pays off. */
export function planRollup(call: Call, ctx: PlanContext): RollupResolution | undefined {
  if (!BUCKET_FUNCTIONS.has(call.func) || call.args.length !== 1 || ctx.inSubquery) return undefined;
  const m = call.args[0];
  if (m.type !== "matrix") return undefined;
  const { offsetMs, at } = m.vector;
  const long = ctx.end - ctx.start >= MIN_SPAN_MS;
  return ROLLUP_RESOLUTIONS.find(({ ms }) => {
    if (m.rangeMs < ms || !aligned(m.rangeMs, ms) || !aligned(offsetMs, ms)) return false;
    if (!ctx.force && !long && m.rangeMs < MIN_BUCKETS_PER_WINDOW * ms) return false;
    const fixed: At | undefined = at;
    if (fixed !== undefined) {
      const t = fixed === "start" ? ctx.start : fixed === "end" ? ctx.end : fixed;
      return aligned(t, ms);
    }
    return aligned(ctx.start, ms) && (ctx.start === ctx.end || aligned(ctx.step, ms));
  });
}
