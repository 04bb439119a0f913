// PostgreSQL's binary COPY format, read (pure): `COPY (SELECT …) TO STDOUT (FORMAT binary)`
// ships numbers and bytea as their raw bytes, where a normal query turns every value into
// text and node-postgres parses it back. Rows are described by where their fields lie in
// the buffer (no per-field objects: a long-range read holds over 100,000 fields).
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * Field f of row r starts at start[r * fields + f] and is length[…] bytes long (-1: NULL);
 * `view` reads the buffer (a DataView's reads compile to single loads; Buffer's read
 * methods go byte by byte).
 */
export type CopyRows = { rows: number; fields: number; start: Int32Array; length: Int32Array; view: DataView };

export function parseCopyBinary(buf: Buffer): CopyRows {
  if (buf.length < 19 || !buf.subarray(0, 11).equals(SIGNATURE)) throw new Error("not a binary COPY stream");
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 15 + 4 + view.getInt32(15); // signature, flags, header extension
  const first = view.getInt16(at);
  const fields = Math.max(first, 0);
  // Each row takes at least 2 + 4 bytes per field: an upper bound for the arrays.
  const capacity = fields ? Math.floor((buf.length - at) / (2 + 4 * fields)) : 0;
  const start = new Int32Array(capacity * fields);
  const length = new Int32Array(capacity * fields);
  let rows = 0;
  for (;;) {
    const n = view.getInt16(at);
    at += 2;
    if (n === -1)
      return { rows, fields, start: start.subarray(0, rows * fields), length: length.subarray(0, rows * fields), view };
    if (n !== fields) throw new Error("binary COPY rows differ in field count");
    for (let f = 0; f < fields; f++) {
      const len = view.getInt32(at);
      at += 4;
      start[rows * fields + f] = at;
      length[rows * fields + f] = len;
      if (len > 0) at += len;
    }
    rows++;
  }
}

/** A binary int8 field as a number (exact below 2^53: series ids, counts). */
export const int8At = (view: DataView, at: number) => view.getInt32(at) * 2 ** 32 + view.getUint32(at + 4);
/** A binary int4 field. */
export const int4At = (view: DataView, at: number) => view.getInt32(at);
/** A binary float8 field. */
export const float8At = (view: DataView, at: number) => view.getFloat64(at);

const Y2K_MS = Date.UTC(2000, 0, 1);
/** A binary timestamptz field (microseconds since 2000-01-01) as ms since the epoch, fractions kept. */
export const timestampAt = (view: DataView, at: number) => Y2K_MS + int8At(view, at) / 1000;

// COPY takes no bound parameters, so its SELECT carries values as literals. These are the
// only ones rendered: they can only come out as digits and ISO dates, never as caller text.
/** An int8[] literal; each id must be an integer (BigInt throws otherwise). */
export const int8ArrayLiteral = (ids: (string | bigint)[]) => `'{${ids.map((id) => BigInt(id)).join(",")}}'::int8[]`;
/** A timestamptz literal for ms since the epoch (a finite number, or toISOString throws). */
export const timestampLiteral = (ms: number) => `'${new Date(ms).toISOString()}'::timestamptz`;
/** A timestamptz[] literal. */
export const timestampArrayLiteral = (ms: number[]) =>
  `'{${ms.map((t) => new Date(t).toISOString()).join(",")}}'::timestamptz[]`;
