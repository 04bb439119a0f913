import { describe, expect, it } from "vitest";
import { bySeries, SampleRows } from "./sample-columns";

/** Rows from [id, t, v] triples; a null value is a staleness marker. */
function rowsOf(triples: [number, number, number | null][]): SampleRows {
  const rows = new SampleRows(triples.length);
  triples.forEach(([id, t, v], r) => {
    [rows.id[r], rows.t[r]] = [id, t];
    if (v === null) rows.marker[r] = 1;
    else rows.v[r] = v;
  });
  return rows;
}

describe("bySeries", () => {
  it("splits interleaved rows into each series' columns, in time order, markers apart", () => {
    const { columns, stale } = bySeries(
      rowsOf([
        [7, 1000, 1],
        [9, 1500, 10],
        [7, 3000, 3],
        [9, 500, 5], // storage order is not always time order
        [7, 2000, 2],
        [9, 2500, null],
        [7, 4000, NaN],
        [11, 100, null], // a series with only a marker has no columns
        [9, 1200, null],
      ]),
    );
    expect([...columns.keys()].sort()).toEqual([7, 9]);
    expect([...columns.get(7)!.t]).toEqual([1000, 2000, 3000, 4000]);
    expect([...columns.get(7)!.v]).toEqual([1, 2, 3, NaN]);
    expect([...columns.get(9)!.t]).toEqual([500, 1500]);
    expect([...columns.get(9)!.v]).toEqual([5, 10]);
    expect(stale.get(9)).toEqual([1200, 2500]);
    expect(stale.get(11)).toEqual([100]);
    expect(stale.has(7)).toBe(false);
  });

  it("reads nothing from no rows", () => {
    const { columns, stale } = bySeries(new SampleRows(0));
    expect(columns.size).toBe(0);
    expect(stale.size).toBe(0);
  });
});
