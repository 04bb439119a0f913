import type { Health } from "@/lib/health/get-health";

/** One series of an up-style metric (`up`, `*_up`): 1 up, 0 down. */
export type UpSeriesDto = {
  metric: string;
  labels: Record<string, string>;
  /** The value now (within the 5-minute lookback); null when it stopped reporting. */
  up: number | null;
  /** Mean of the samples over the last day and week, 0–1. */
  availability24h: number | null;
  availability7d: number | null;
  /** The newest sample (ms): a heartbeat that stopped shows here. */
  lastSeen: number | null;
};

export type ProcessStatsDto = {
  rssBytes: number | null;
  heapUsedBytes: number | null;
  eventLoopLagP99Seconds: number | null;
  dbPool: Record<string, number>;
};

export type SystemHealthDto = {
  telltale: Health & { process: ProcessStatsDto };
  targets: UpSeriesDto[];
  /** What Telltale received for this client over the last 24 h. */
  ingest24h: { series: number; samples: number; events: number; spans: number };
};
