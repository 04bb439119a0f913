import { describe, expect, it } from "vitest";
import type { SpanDto } from "@/lib/schemas/performance";
import { waterfall } from "./waterfall";

const span = (spanId: string, parentSpanId: string | null, startMs: number, durationMs: number): SpanDto => ({
  spanId,
  parentSpanId,
  service: "s",
  name: spanId,
  kind: "internal",
  status: "ok",
  time: new Date(1_000_000 + startMs).toISOString(),
  durationMs,
  attributes: {},
});

describe("waterfall", () => {
  it("orders spans as a tree by start, with depth and offset", () => {
    const w = waterfall([
      span("db2", "api", 30, 5),
      span("api", null, 0, 50),
      span("db1", "api", 10, 10),
      span("cache", "db1", 12, 2),
    ]);
    expect(w.durationMs).toBe(50);
    expect(w.rows.map((r) => [r.spanId, r.depth, r.offsetMs])).toEqual([
      ["api", 0, 0],
      ["db1", 1, 10],
      ["cache", 2, 12],
      ["db2", 1, 30],
    ]);
  });

  it("keeps orphans and spans caught in a cycle", () => {
    const w = waterfall([span("a", "b", 0, 1), span("b", "a", 1, 1), span("c", "missing", 2, 1)]);
    expect(w.rows.map((r) => r.spanId).sort()).toEqual(["a", "b", "c"]);
  });
});
