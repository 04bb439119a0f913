import { describe, expect, it } from "vitest";
import { decodeWriteRequest } from "@/lib/ingest/parse-remote-write";
import { remoteWriteBody } from "@/scripts/lib/prometheus";
import { isStaleNaN, staleNaN } from "./stale";

describe("staleness markers", () => {
  it("tells Prometheus' StaleNaN from other NaNs", () => {
    expect(isStaleNaN(staleNaN())).toBe(true);
    expect(isStaleNaN(NaN)).toBe(false);
    expect(isStaleNaN(0)).toBe(false);
    // Go's math.NaN(): 0x7ff8000000000001.
    const go = new Float64Array(new BigUint64Array([0x7ff8000000000001n]).buffer)[0];
    expect(isStaleNaN(go)).toBe(false);
  });

  it("survives remote_write encoding and decoding", () => {
    const body = remoteWriteBody([
      {
        labels: { __name__: "x" },
        samples: [
          { timestamp: 1, value: staleNaN() },
          { timestamp: 2, value: NaN },
        ],
      },
    ]);
    const values = decodeWriteRequest(body).timeseries![0].samples!.map((s) => s.value!);
    expect(values.map(isStaleNaN)).toEqual([true, false]);
  });
});
