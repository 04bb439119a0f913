// Prometheus remote_write 1.0: snappy (block format) + protobuf WriteRequest → rows.
import SnappyJS from "snappyjs";
import { labelProblem, timeProblem, type IngestLimits } from "./limits";
import { emptyBatch, type ParsedBatch } from "./normalized";
import { MalformedBodyError } from "./parse-json";
import { WriteRequest, type DecodedWriteRequest } from "./proto/remote-write";

export function decodeWriteRequest(body: Uint8Array): DecodedWriteRequest {
  let raw: Uint8Array;
  try {
    raw = SnappyJS.uncompress(body);
  } catch (err) {
    throw new MalformedBodyError(`The body is not snappy-compressed: ${(err as Error).message}`);
  }
  try {
    return WriteRequest.toObject(WriteRequest.decode(raw), {
      longs: Number, // millisecond timestamps fit a double exactly
      enums: String,
      defaults: false,
    }) as DecodedWriteRequest;
  } catch (err) {
    throw new MalformedBodyError(`The body is not a protobuf WriteRequest: ${(err as Error).message}`);
  }
}

export function parseRemoteWrite(body: Uint8Array, limits: IngestLimits, now = Date.now()): ParsedBatch {
  const req = decodeWriteRequest(body);
  const out = emptyBatch();
  for (const m of req.metadata ?? []) {
    if (!m.metric_family_name) continue;
    out.metadata.push({
      name: m.metric_family_name,
      type: m.type?.toLowerCase(),
      help: m.help || undefined,
      unit: m.unit || undefined,
    });
  }
  (req.timeseries ?? []).forEach((ts, index) => {
    out.received++;
    const labels: Record<string, string> = {};
    for (const l of ts.labels ?? []) labels[l.name ?? ""] = l.value ?? "";
    const name = labels.__name__ ?? "";
    delete labels.__name__;
    const problem = labelProblem(name, labels, limits);
    if (problem) return out.rejected.push({ index, ...problem });
    const points: [number, number][] = [];
    for (const s of ts.samples ?? []) {
      const t = Number(s.timestamp ?? 0);
      const bad = timeProblem(t, now, limits);
      if (bad) return out.rejected.push({ index, ...bad });
      // NaN is kept: Prometheus sends staleness markers as a special NaN.
      points.push([t, s.value ?? 0]);
    }
    if (points.length > 0) out.metrics.push({ key: { name, labels }, points, index });
  });
  return out;
}
