// Result comparison as the compliance tester does it: same series (label sets), same
// timestamps, values equal within a relative tolerance of 1e-5, NaN equal to NaN.
export type PromResponse =
  | { status: "success"; data: { resultType: string; result: unknown } }
  | { status: "error"; errorType: string; error: string };

/** A matrix series, or a vector sample (its one value compared as a one-point series). */
type MatrixSeries = { metric: Record<string, string>; values?: [number, string][]; value?: [number, string] };
const pointsOf = (s: MatrixSeries) => s.values ?? (s.value ? [s.value] : []);

const TOLERANCE = 1e-5;

export function sameFloat(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [Number(a), Number(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y;
  return Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}

const labelKey = (m: Record<string, string>) => JSON.stringify(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Undefined when equal, otherwise the first difference in words. */
export function compareResults(expected: PromResponse, got: PromResponse, shouldFail: boolean): string | undefined {
  if (expected.status === "error") {
    if (!shouldFail) return `Prometheus failed unexpectedly: ${expected.error}`;
    return got.status === "error" ? undefined : "Prometheus fails this query; Telltale answered it";
  }
  if (shouldFail) return "Prometheus answered a query the set marks as failing";
  if (got.status === "error") return `Telltale failed: ${got.errorType}: ${got.error}`;
  if (expected.data.resultType !== got.data.resultType)
    return `result type ${got.data.resultType}, expected ${expected.data.resultType}`;
  const sortSeries = (r: unknown) =>
    [...(r as MatrixSeries[])].sort((a, b) => (labelKey(a.metric) < labelKey(b.metric) ? -1 : 1));
  const [want, have] = [sortSeries(expected.data.result), sortSeries(got.data.result)];
  const wantKeys = want.map((s) => labelKey(s.metric));
  const haveKeys = have.map((s) => labelKey(s.metric));
  const missing = wantKeys.filter((k) => !haveKeys.includes(k));
  const extra = haveKeys.filter((k) => !wantKeys.includes(k));
  if (missing.length || extra.length)
    return `series differ: missing ${missing.slice(0, 3).join(" ") || "none"}; extra ${extra.slice(0, 3).join(" ") || "none"} (${have.length} vs ${want.length})`;
  for (let i = 0; i < want.length; i++) {
    const [w, h] = [pointsOf(want[i]), pointsOf(have[i])];
    for (let j = 0; j < Math.max(w.length, h.length); j++) {
      if (!w[j] || !h[j] || w[j][0] !== h[j][0])
        return `${wantKeys[i]}: timestamps differ at point ${j}: ${h[j]?.[0]} vs expected ${w[j]?.[0]} (${h.length} vs ${w.length} points)`;
      if (!sameFloat(w[j][1], h[j][1])) return `${wantKeys[i]} at ${w[j][0]}: ${h[j][1]}, expected ${w[j][1]}`;
    }
  }
  return undefined;
}
