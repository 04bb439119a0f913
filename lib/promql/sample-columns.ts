// Raw sample rows as a read returns them (series interleaved, each in storage order) grouped
// into per-series columns in time order (pure). Columns rather than a point object per
// sample: a range sweep reads them directly, and a query holds no object per sample.
import type { Columns } from "./eval/types";

/**
 * Rows read for a list of series: row r is sample (t[r] in ms, v[r]) of the series at index
 * series[r] in that list, or its staleness marker when marker[r] is 1.
 */
export class SampleRows {
  readonly series: Int32Array;
  readonly t: Float64Array;
  readonly v: Float64Array;
  readonly marker: Uint8Array;
  constructor(
    readonly n: number,
    /** How many series the list holds. */
    readonly seriesCount: number,
  ) {
    this.series = new Int32Array(n);
    this.t = new Float64Array(n);
    this.v = new Float64Array(n);
    this.marker = new Uint8Array(n);
  }
}

/** Each listed series' samples as columns in time order (none without samples), and its staleness markers' times, sorted. */
export function bySeries(rows: SampleRows): { columns: (Columns | undefined)[]; stale: (number[] | undefined)[] } {
  const { n, series, marker } = rows;
  const count = new Int32Array(rows.seriesCount);
  for (let r = 0; r < n; r++) if (!marker[r]) count[series[r]]++;
  // One array for all times and one for all values; each series' columns are a slice of them.
  const [times, values] = [new Float64Array(n), new Float64Array(n)];
  const next = new Int32Array(rows.seriesCount); // where each series' next sample goes
  for (let s = 1; s < rows.seriesCount; s++) next[s] = next[s - 1] + count[s - 1];
  const starts = next.slice();
  const stale: (number[] | undefined)[] = new Array(rows.seriesCount).fill(undefined);
  for (let r = 0; r < n; r++) {
    const s = series[r];
    if (marker[r]) (stale[s] ??= []).push(rows.t[r]);
    else {
      times[next[s]] = rows.t[r];
      values[next[s]++] = rows.v[r];
    }
  }
  const columns = Array.from(count, (c, s) => {
    if (c === 0) return undefined;
    const slice = { t: times.subarray(starts[s], starts[s] + c), v: values.subarray(starts[s], starts[s] + c) };
    return inTimeOrder(slice.t) ? slice : sorted(slice);
  });
  for (const list of stale) list?.sort((a, b) => a - b);
  return { columns, stale };
}

function inTimeOrder(t: Float64Array): boolean {
  for (let i = 1; i < t.length; i++) if (t[i] < t[i - 1]) return false;
  return true;
}

function sorted({ t, v }: Columns): Columns {
  const order = Array.from(t.keys()).sort((a, b) => t[a] - t[b]);
  return { t: Float64Array.from(order, (i) => t[i]), v: Float64Array.from(order, (i) => v[i]) };
}
