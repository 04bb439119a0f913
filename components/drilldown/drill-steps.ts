// The drill-down's steps as URLs (pure): each step keeps the query, window and way back, and
// adds a label value, a breakdown label, or the raw-samples view.
export type DrillState = {
  q: string;
  from: number;
  to: number;
  m: string[];
  by?: string;
  view?: "samples";
  title?: string;
  back?: string;
};

export function drillState(params: URLSearchParams): DrillState {
  return {
    q: params.get("q") ?? "",
    from: Number(params.get("from")),
    to: Number(params.get("to")),
    m: params.getAll("m"),
    by: params.get("by") || undefined,
    view: params.get("view") === "samples" ? "samples" : undefined,
    title: params.get("title") || undefined,
    back: params.get("back") || undefined,
  };
}

export function drillSearch(s: DrillState): string {
  const p = new URLSearchParams({ q: s.q, from: String(s.from), to: String(s.to) });
  for (const m of s.m) p.append("m", m);
  if (s.by) p.set("by", s.by);
  if (s.view) p.set("view", s.view);
  if (s.title) p.set("title", s.title);
  if (s.back) p.set("back", s.back);
  return p.toString();
}

/** What the API needs of a step: the query, window and labels chosen (not the view). */
export const apiSearch = (s: DrillState) => drillSearch({ q: s.q, from: s.from, to: s.to, m: s.m });

/** Breadcrumbs: the query, each label value chosen, the breakdown, the raw samples. */
export function crumbs(s: DrillState): { text: string; state?: DrillState }[] {
  const base = { q: s.q, from: s.from, to: s.to, title: s.title, back: s.back };
  const out: { text: string; state?: DrillState }[] = [{ text: "query", state: { ...base, m: [] } }];
  s.m.forEach((m, i) => out.push({ text: m, state: { ...base, m: s.m.slice(0, i + 1) } }));
  if (s.by) out.push({ text: `by ${s.by}`, state: { ...base, m: s.m, by: s.by } });
  if (s.view) out.push({ text: "raw samples" });
  // The last one is where we are: not a link.
  out[out.length - 1] = { text: out[out.length - 1].text };
  return out;
}
