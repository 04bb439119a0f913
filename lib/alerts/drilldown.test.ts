import { describe, expect, it } from "vitest";
import { parsePromQL } from "@/lib/promql/parse";
import { drilldownPath, narrowToSeries, seriesLabels } from "./drilldown";

describe("drill-down links", () => {
  it("narrows any query to the incident's series with valid PromQL", () => {
    const q = narrowToSeries('sum by (queue, env) (rate(jobs_total{x="1"}[5m]))', { queue: 'e"mails', env: "prod" });
    expect(q).toBe(
      '(sum by (queue, env) (rate(jobs_total{x="1"}[5m]))) and on(env, queue) label_replace(label_replace(vector(1), "env", "prod", "", ""), "queue", "e\\"mails", "", "")',
    );
    expect(() => parsePromQL(q)).not.toThrow();
    expect(narrowToSeries("up", {})).toBe("up");
  });

  it("leaves out the rule's own labels and the no-data marker", () => {
    expect(seriesLabels({ queue: "a", team: "ops", alertstate: "nodata" }, { team: "ops" })).toEqual({ queue: "a" });
  });

  it("fixes the window around the incident, reaching past now while it is open", () => {
    const started = new Date("2026-12-04T10:00:00Z");
    const now = Date.parse("2026-12-04T10:05:00Z");
    const url = new URL(
      `http://x${drilldownPath("acme", { query: "up", labels: {}, ruleLabels: {}, startedAt: started, endedAt: null, now })}`,
    );
    expect(url.pathname).toBe("/acme/explore");
    expect(Number(url.searchParams.get("from"))).toBe(started.getTime() - 30 * 60_000);
    expect(Number(url.searchParams.get("to"))).toBe(started.getTime() + 30 * 60_000); // at least an hour
    const later = Date.parse("2026-12-04T12:00:00Z");
    const open = new URL(
      `http://x${drilldownPath("acme", { query: "up", labels: {}, ruleLabels: {}, startedAt: started, endedAt: null, now: later })}`,
    );
    expect(Number(open.searchParams.get("to"))).toBe(later + 15 * 60_000);
  });
});
