// Runs the compliance cases as range queries against Prometheus and Telltale over the same
// data and collects the differences.
import { compareResults, type PromResponse } from "./compare";
import type { ComplianceCase } from "./queries";

export type Target = { url: string; headers?: Record<string, string> };
export type RangeWindow = { start: number; end: number; stepSeconds: number };
export type CaseResult = ComplianceCase & { difference?: string };

async function rangeQuery(target: Target, query: string, w: RangeWindow): Promise<PromResponse> {
  const body = new URLSearchParams({
    query,
    start: String(w.start / 1000),
    end: String(w.end / 1000),
    step: String(w.stepSeconds),
  });
  const res = await fetch(`${target.url}/api/v1/query_range`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...target.headers },
    body,
  });
  return (await res.json()) as PromResponse;
}

export async function runCases(
  cases: ComplianceCase[],
  reference: Target,
  telltale: Target,
  window: RangeWindow,
  concurrency = 4,
): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i];
      const [expected, got] = await Promise.all([
        rangeQuery(reference, c.query, window),
        rangeQuery(telltale, c.query, window),
      ]);
      results[i] = { ...c, difference: compareResults(expected, got, c.shouldFail) };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
