// One check for "these two range-query results are the same": the same series (label sets),
// the same timestamps, and values within 1e-9 of the expected one (absolute below 1).
import { expect } from "vitest";

export type Matrix = { metric: Record<string, string>; values: [number, string][] }[];

const canonical = (m: Matrix) =>
  [...m]
    .map((s) => ({ ...s, key: JSON.stringify(Object.entries(s.metric).sort()) }))
    .sort((a, b) => a.key.localeCompare(b.key));

export function expectSameMatrix(got: Matrix, expected: Matrix, expectedName = "expected") {
  const [a, b] = [canonical(got), canonical(expected)];
  expect(a.map((s) => s.key)).toEqual(b.map((s) => s.key));
  a.forEach((s, i) => {
    expect(s.values.map((v) => v[0])).toEqual(b[i].values.map((v) => v[0]));
    s.values.forEach(([t, v], j) => {
      const want = b[i].values[j][1];
      const w = Number(want);
      const close = v === want || Math.abs(Number(v) - w) <= 1e-9 * Math.max(1, Math.abs(w));
      expect(close, `${s.key} at ${t}: ${v} vs ${expectedName} ${want}`).toBe(true);
    });
  });
}
