// A trace as a waterfall (pure): spans in tree order (children after their parent, by start),
// each with its depth and its place on the trace's time line. Spans whose parent is missing
// (not sampled, or not sent yet) are drawn as roots rather than dropped.
import type { SpanDto } from "@/lib/schemas/performance";

export type WaterfallRow = SpanDto & { depth: number; offsetMs: number };
export type Waterfall = { startMs: number; durationMs: number; rows: WaterfallRow[] };

export function waterfall(spans: SpanDto[]): Waterfall {
  if (spans.length === 0) return { startMs: 0, durationMs: 0, rows: [] };
  const start = (s: SpanDto) => Date.parse(s.time);
  const byStart = [...spans].sort((a, b) => start(a) - start(b) || a.spanId.localeCompare(b.spanId));
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | null, SpanDto[]>();
  for (const s of byStart) {
    const parent = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const startMs = start(byStart[0]);
  const endMs = Math.max(...spans.map((s) => start(s) + s.durationMs));
  const rows: WaterfallRow[] = [];
  const seen = new Set<string>();
  const visit = (s: SpanDto, depth: number) => {
    if (seen.has(s.spanId)) return; // a cycle in bad data must not loop forever
    seen.add(s.spanId);
    rows.push({ ...s, depth, offsetMs: start(s) - startMs });
    for (const c of children.get(s.spanId) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Spans only reachable through a cycle still show, at the top level.
  for (const s of byStart) visit(s, 0);
  return { startMs, durationMs: endMs - startMs, rows };
}
