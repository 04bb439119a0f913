import { describe, expect, it } from "vitest";
import { bySeries, SampleRows } from "./sample-columns";

/** Rows of `seriesCount` series from [series index, t, v] triples; a null value is a staleness marker. */
function rowsOf(seriesCount: number, triples: [number, number, number | null][]): SampleRows {
  const rows = new SampleRows(triples.length, seriesCount);
  triples.forEach(([s, t, v], r) => {
    [rows.series[r], rows.t[r]] = [s, t];
    if (v === null) rows.marker[r] = 1;
    else rows.v[r] = v;
  });
  return rows;
}

describe("bySeries", () => {
  it("splits interleaved rows into each series' columns, in time order, markers apart", () => {
    const { columns, stale } = bySeries(
      rowsOf(4, [
        [0, 1000, 1],
        [1, 1500, 10],
        [0, 3000, 3],
        [1, 500, 5], // storage order is not always time order
        [0, 2000, 2],
        [1, 2500, null],
        [0, 4000, NaN],
        [2, 100, null], // a series with only a marker has no columns
        [1, 1200, null],
      ]),
    );
    expect([...columns[0]!.t]).toEqual([1000, 2000, 3000, 4000]);
    expect([...columns[0]!.v]).toEqual([1, 2, 3, NaN]);
    expect([...columns[1]!.t]).toEqual([500, 1500]);
    expect([...columns[1]!.v]).toEqual([5, 10]);
    expect(columns[2]).toBeUndefined();
    expect(columns[3]).toBeUndefined(); // nothing read
    expect(stale).toEqual([undefined, [1200, 2500], [100], undefined]);
  });

  it("reads nothing from no rows", () => {
    const { columns, stale } = bySeries(new SampleRows(0, 2));
    expect(columns).toEqual([undefined, undefined]);
    expect(stale).toEqual([undefined, undefined]);
  });
});
