// Shapes of the JSON ingest bodies. Item-level rules (names, windows) live in
// lib/ingest/limits.ts so every protocol applies the same ones.
import { z } from "zod";

const timestamp = z.union([z.number(), z.string()]);

export const jsonPointSchema = z.union([z.tuple([timestamp, z.number()]), z.object({ t: timestamp, v: z.number() })]);

export const jsonSeriesSchema = z.object({
  name: z.string().min(1).max(200),
  labels: z.record(z.string(), z.unknown()).default({}),
  type: z.enum(["counter", "gauge", "histogram", "summary", "untyped"]).optional(),
  unit: z.string().max(64).optional(),
  help: z.string().max(1024).optional(),
  points: z.array(jsonPointSchema).min(1).max(100_000),
});

export const jsonMetricsBodySchema = z.object({ series: z.array(z.unknown()).max(100_000) });

export const eventSchema = z.object({
  name: z.string().min(1).max(200),
  timestamp: timestamp.optional(),
  userId: z.string().max(200).optional(),
  sessionId: z.string().max(200).optional(),
  properties: z.record(z.string(), z.unknown()).default({}),
  value: z.number().refine(Number.isFinite, "value must be a finite number").optional(),
  id: z.string().min(1).max(200).optional(),
});

export const eventsBodySchema = z.object({ events: z.array(z.unknown()).max(100_000) });

export type IngestResponse = { accepted: number; rejected: number; errors: { index: number; reason: string }[] };
