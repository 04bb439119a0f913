// Prometheus' staleness marker is a NaN with a particular payload (value.StaleNaN,
// 0x7ff0000000000002). Decoding it in JavaScript may set the quiet bit (0x0008…), so the
// test ignores that bit; any other NaN — including Go's and JavaScript's — is a plain NaN.
const f64 = new Float64Array(1);
const bits = new BigUint64Array(f64.buffer);
const QUIET_BIT = 0x0008000000000000n;

export const STALE_NAN_BITS = 0x7ff0000000000002n;

export function isStaleNaN(v: number): boolean {
  if (!Number.isNaN(v)) return false;
  f64[0] = v;
  return (bits[0] & ~QUIET_BIT) === STALE_NAN_BITS;
}

/** The marker as a number, e.g. to send one in a remote_write request. */
export function staleNaN(): number {
  bits[0] = STALE_NAN_BITS;
  return f64[0];
}
