// JSON bodies of /api/v1/metrics and /api/v1/events → rows. Valid items are kept,
// invalid ones are listed with their index and why (pure).
import { createHash } from "node:crypto";
import type { ZodError } from "zod";
import { eventSchema, eventsBodySchema, jsonMetricsBodySchema, jsonSeriesSchema } from "@/lib/schemas/ingest";
import {
  hasUnstorableText,
  labelProblem,
  textProblem,
  timeProblem,
  toMillis,
  type IngestLimits,
  type Rejection,
} from "./limits";
import { emptyBatch, type ParsedBatch } from "./normalized";

export class MalformedBodyError extends Error {}

const firstIssue = (e: ZodError) => {
  const i = e.issues[0];
  return `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`;
};

function parseBody<T>(
  text: string,
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: ZodError } },
): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new MalformedBodyError("The body is not valid JSON");
  }
  const res = schema.safeParse(raw);
  if (!res.success) throw new MalformedBodyError(`The body does not have the expected shape: ${firstIssue(res.error)}`);
  return res.data;
}

export function parseJsonMetrics(text: string, limits: IngestLimits, now = Date.now()): ParsedBatch {
  const body = parseBody(text, jsonMetricsBodySchema);
  const out = emptyBatch();
  out.received = body.series.length;
  body.series.forEach((item, index) => {
    const reject = (code: string, reason: string) => out.rejected.push({ index, code, reason });
    const res = jsonSeriesSchema.safeParse(item);
    if (!res.success) return reject("invalid_series", firstIssue(res.error));
    const s = res.data;
    const bad = labelProblem(s.name, s.labels, limits);
    if (bad) return reject(bad.code, bad.reason);
    const points: [number, number][] = [];
    for (const [i, p] of s.points.entries()) {
      const [t, v] = Array.isArray(p) ? [toMillis(p[0]), p[1]] : [toMillis(p.t), p.v];
      const problem = timeProblem(t, now, limits);
      if (problem) return reject(problem.code, `points.${i}: ${problem.reason}`);
      points.push([t, v]);
    }
    out.metrics.push({
      index,
      key: { name: s.name, labels: s.labels as Record<string, string>, type: s.type, unit: s.unit, help: s.help },
      points,
    });
  });
  return out;
}

/**
 * Events without an id get one from their content when the sender stamped them, so a
 * retried batch is stored once; events the server stamps cannot be told apart.
 */
function contentId(e: {
  name: string;
  time: Date;
  userId?: string;
  sessionId?: string;
  value?: number;
  properties: unknown;
}) {
  const content = JSON.stringify([e.name, e.time.getTime(), e.userId, e.sessionId, e.value, e.properties]);
  return `h:${createHash("sha256").update(content).digest("base64url").slice(0, 32)}`;
}

export function parseEvents(text: string, limits: IngestLimits, now = Date.now()): ParsedBatch {
  const body = parseBody(text, eventsBodySchema);
  const out = emptyBatch();
  out.received = body.events.length;
  body.events.forEach((item, index) => {
    const reject = (r: Omit<Rejection, "index">) => out.rejected.push({ index, ...r });
    const res = eventSchema.safeParse(item);
    if (!res.success) return reject({ code: "invalid_event", reason: firstIssue(res.error) });
    const e = res.data;
    if (hasUnstorableText(e)) return reject(textProblem);
    const t = e.timestamp === undefined ? now : toMillis(e.timestamp);
    const problem = timeProblem(t, now, limits);
    if (problem) return reject(problem);
    const event = {
      time: new Date(t),
      name: e.name,
      userId: e.userId,
      sessionId: e.sessionId,
      properties: e.properties,
      value: e.value,
    };
    out.events.push({ ...event, id: e.id ?? (e.timestamp === undefined ? undefined : contentId(event)) });
  });
  return out;
}
