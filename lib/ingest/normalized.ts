// What every protocol's parser produces: plain rows, before series ids are known.
import type { SeriesKey } from "@/lib/series/write-series";
import type { EventRow, SpanRow } from "@/lib/series/write-series";
import type { Rejection } from "./limits";

/** `index` is the request item it came from (several series may share one, e.g. a histogram). */
export type MetricInput = { key: SeriesKey; points: [number, number][]; index: number };
export type MetadataInput = { name: string; type?: string; unit?: string; help?: string };

export type ParsedBatch = {
  metrics: MetricInput[];
  metadata: MetadataInput[];
  events: EventRow[];
  spans: SpanRow[];
  rejected: Rejection[];
  /** How many items the request carried, accepted or not (for the response and self-metrics). */
  received: number;
};

export const emptyBatch = (): ParsedBatch => ({
  metrics: [],
  metadata: [],
  events: [],
  spans: [],
  rejected: [],
  received: 0,
});
