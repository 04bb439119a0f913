// Raw sample rows as a read returns them (series interleaved, each in storage order) grouped
// into per-series columns in time order (pure). Columns rather than a point object per
// sample: a range sweep reads them directly, and a query holds no object per sample.
import type { Columns } from "./eval/types";

/** Rows read: row r is series id[r]'s sample at t[r] (ms) with value v[r], or its staleness marker. */
export class SampleRows {
  readonly id: Float64Array;
  readonly t: Float64Array;
  readonly v: Float64Array;
  readonly marker: Uint8Array;
  constructor(readonly n: number) {
    this.id = new Float64Array(n);
    this.t = new Float64Array(n);
    this.v = new Float64Array(n);
    this.marker = new Uint8Array(n);
  }
}

/** Each series' samples as columns in time order, and its staleness markers' times, sorted. */
export function bySeries(rows: SampleRows): { columns: Map<number, Columns>; stale: Map<number, number[]> } {
  const counts = new Map<number, number>();
  for (let r = 0; r < rows.n; r++) if (!rows.marker[r]) counts.set(rows.id[r], (counts.get(rows.id[r]) ?? 0) + 1);
  // One array for all times and one for all values; each series' columns are a slice of them.
  const [times, values] = [new Float64Array(rows.n), new Float64Array(rows.n)];
  const slots = new Map<number, { columns: Columns; filled: number }>();
  let offset = 0;
  for (const [id, count] of counts) {
    const [t, v] = [times.subarray(offset, offset + count), values.subarray(offset, offset + count)];
    slots.set(id, { columns: { t, v }, filled: 0 });
    offset += count;
  }
  const stale = new Map<number, number[]>();
  for (let r = 0; r < rows.n; r++) {
    const id = rows.id[r];
    if (rows.marker[r]) {
      const list = stale.get(id) ?? [];
      if (list.length === 0) stale.set(id, list);
      list.push(rows.t[r]);
      continue;
    }
    const slot = slots.get(id)!;
    slot.columns.t[slot.filled] = rows.t[r];
    slot.columns.v[slot.filled++] = rows.v[r];
  }
  const columns = new Map<number, Columns>();
  for (const [id, slot] of slots) columns.set(id, inTimeOrder(slot.columns.t) ? slot.columns : sorted(slot.columns));
  for (const list of stale.values()) list.sort((a, b) => a - b);
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
