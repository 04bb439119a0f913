// OTLP attribute lists → plain objects and Prometheus labels (pure).
export type AnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: KeyValue[] };
  bytesValue?: unknown;
};
export type KeyValue = { key?: string; value?: AnyValue };

export function anyValue(v: AnyValue | undefined): unknown {
  if (!v) return null;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(anyValue);
  if (v.kvlistValue) return attributes(v.kvlistValue.values);
  return null;
}

export function attributes(list: KeyValue[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of list ?? []) if (kv.key) out[kv.key] = anyValue(kv.value);
  return out;
}

/** Prometheus-style label name: anything outside [a-zA-Z0-9_] becomes "_" (service.name → service_name). */
export const labelName = (key: string) => {
  const s = key.replace(/[^a-zA-Z0-9_]/g, "_");
  return /^[0-9]/.test(s) ? `_${s}` : s;
};

/** Resource and scope attributes as labels; service.name is the `service` label. */
export function resourceLabels(resource: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(resource)) {
    if (v === null || typeof v === "object") continue;
    out[k === "service.name" ? "service" : labelName(k)] = String(v);
  }
  return out;
}

/** Span and trace ids: hex in OTLP/JSON, bytes in protobuf. */
export function idHex(id: unknown): string {
  if (typeof id === "string") return id.toLowerCase();
  if (id instanceof Uint8Array) return Buffer.from(id).toString("hex");
  return "";
}

/** Nanoseconds since the epoch (string or number) → milliseconds. */
export const nanosToMillis = (n: unknown) =>
  n === undefined || n === null ? NaN : Number(BigInt(String(n)) / 1000n) / 1000;
