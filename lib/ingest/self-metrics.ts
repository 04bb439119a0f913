// Ingest's own metrics on /api/metrics: nothing is dropped or rejected silently.
import client from "prom-client";
import { registry } from "@/lib/observability/metrics";

const holder = globalThis as unknown as { __telltaleIngestMetrics?: ReturnType<typeof create> };

function create() {
  const registers = [registry];
  return {
    accepted: new client.Counter({
      name: "telltale_ingest_accepted_total",
      help: "Items accepted, by endpoint and kind",
      labelNames: ["endpoint", "kind"] as const,
      registers,
    }),
    rejected: new client.Counter({
      name: "telltale_ingest_rejected_total",
      help: "Items rejected, by endpoint and reason",
      labelNames: ["endpoint", "reason"] as const,
      registers,
    }),
    dropped: new client.Counter({
      name: "telltale_ingest_dropped_total",
      help: "Rows refused by the writer (the sender was told to retry)",
      labelNames: ["reason"] as const,
      registers,
    }),
    refusedRequests: new client.Counter({
      name: "telltale_ingest_refused_requests_total",
      help: "Requests answered 503 before reading their body (overload)",
      labelNames: ["endpoint", "reason"] as const,
      registers,
    }),
    sampledOut: new client.Counter({
      name: "telltale_ingest_sampled_out_total",
      help: "Samples and spans left out by the client's sampling policy",
      labelNames: ["endpoint"] as const,
      registers,
    }),
    batchRows: new client.Histogram({
      name: "telltale_ingest_batch_rows",
      help: "Rows per committed write batch",
      buckets: [1, 10, 100, 1000, 5000, 20000, 50000],
      registers,
    }),
    writeSeconds: new client.Histogram({
      name: "telltale_ingest_write_seconds",
      help: "Time to commit one write batch",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    bufferedRows: new client.Gauge({
      name: "telltale_ingest_buffered_rows",
      help: "Rows waiting to be committed",
      registers,
    }),
  };
}

export const ingestMetrics = (holder.__telltaleIngestMetrics ??= create());
