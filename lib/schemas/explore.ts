import { z } from "zod";

/** Relative ranges Explore offers, as Grafana's quick ranges. */
export const EXPLORE_RANGES = ["15m", "1h", "6h", "24h", "7d", "30d"] as const;
export type ExploreRange = (typeof EXPLORE_RANGES)[number];

export const exploreQuerySchema = z.object({
  query: z.string().trim().min(1, "Type a PromQL query, e.g. up or rate(http_requests_total[5m])").max(4000),
  range: z.enum(EXPLORE_RANGES, { message: `One of ${EXPLORE_RANGES.join(", ")}` }).default("1h"),
});
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
