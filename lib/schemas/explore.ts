import { z } from "zod";

/** Relative ranges Explore offers, as Grafana's quick ranges. */
export const EXPLORE_RANGES = ["15m", "1h", "6h", "24h", "7d", "30d"] as const;
export type ExploreRange = (typeof EXPLORE_RANGES)[number];

const MAX_SPAN_MS = 31 * 86_400_000;

export const exploreQuerySchema = z
  .object({
    query: z.string().trim().min(1, "Type a PromQL query, e.g. up or rate(http_requests_total[5m])").max(4000),
    range: z.enum(EXPLORE_RANGES, { message: `One of ${EXPLORE_RANGES.join(", ")}` }).default("1h"),
    /** A fixed window instead of the relative range (ms since the epoch), e.g. around an incident. */
    from: z.coerce.number().int().positive().optional(),
    to: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    path: ["to"],
    message: "Give both from and to, or neither",
  })
  .refine((q) => q.from === undefined || (q.to! > q.from && q.to! - q.from <= MAX_SPAN_MS), {
    path: ["to"],
    message: "to must come after from, at most 31 days later",
  });
/** A fixed window, ms since the epoch. */
export type FixedWindow = { from: number; to: number };
export type ExploreQueryInput = z.input<typeof exploreQuerySchema>;

export type ExploreSeries = { labels: Record<string, string>; points: [number, number][] };
export type ExploreResult = {
  query: string;
  start: number;
  /** The last aligned step; each series also carries its value at `now` as its last point. */
  end: number;
  now: number;
  stepMs: number;
  /** What the engine read: "raw", "1m", "1h". */
  resolution: string[];
  series: ExploreSeries[];
  /** Series beyond the display limit, not returned. */
  omitted: number;
};

/** Several panels' queries in one request (a dashboard load, a live tick): each item is an
 *  exploreQuerySchema input, validated on its own so one bad query fails only its panel. */
export const exploreBatchSchema = z.object({
  queries: z.array(z.unknown()).min(1, "At least one query").max(60, "At most 60 queries at once"),
});
export type ExploreBatchItem =
  { result: ExploreResult } | { status: number; error: { code: string; message: string; details?: unknown } };
