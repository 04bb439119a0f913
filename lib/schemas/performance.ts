import { z } from "zod";
import { EXPLORE_RANGES } from "./explore";

/** The Performance view's filters, as its URL and API carry them. */
export const performanceQuerySchema = z.object({
  range: z.enum(EXPLORE_RANGES, { message: `One of ${EXPLORE_RANGES.join(", ")}` }).default("1h"),
  service: z.string().trim().min(1).max(200).optional(),
  route: z.string().trim().min(1).max(500).optional(),
  /** Apdex threshold T: satisfied up to T, tolerating up to 4T (errors are frustrated). */
  apdexMs: z.coerce.number().int().min(1).max(60_000).default(500),
});
export type PerformanceQuery = z.output<typeof performanceQuerySchema>;
export type PerformanceQueryInput = z.input<typeof performanceQuerySchema>;

/** Requests (server or root spans) of one route, or of one time bucket. */
export type RequestStats = {
  /** Requests, summing sample weights so sampled traces still count true. */
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** 0–1. */
  apdex: number;
};
export type RouteStatsDto = RequestStats & { service: string; route: string };
export type RequestBucketDto = RequestStats & { t: number };

export type PerformanceDto = {
  start: number;
  end: number;
  stepMs: number;
  apdexMs: number;
  services: string[];
  routes: RouteStatsDto[];
  buckets: RequestBucketDto[];
  /** The same window a week earlier, its times moved forward a week to overlay. */
  weekAgo: RequestBucketDto[];
};

export type TraceSummaryDto = {
  traceId: string;
  service: string;
  route: string;
  time: string;
  durationMs: number;
  status: string;
};

export type SpanDto = {
  spanId: string;
  parentSpanId: string | null;
  service: string;
  name: string;
  kind: string;
  status: string;
  time: string;
  durationMs: number;
  attributes: Record<string, unknown>;
};
