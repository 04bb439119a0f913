// Request bodies for bench:ingest, one per protocol, each carrying distinct timestamps for
// request number i so that no batch is a duplicate of another.
import SnappyJS from "snappyjs";
import { ExportMetricsServiceRequest } from "../../lib/ingest/proto/otlp";
import { WriteRequest } from "../../lib/ingest/proto/remote-write";

/** Series per metrics request (a Prometheus queue shard sends about this many). */
export const SERIES = 500;

/** remote_write: SERIES series × 20 samples. */
export const remoteWriteBody = (i: number, t0: number) =>
  SnappyJS.compress(
    WriteRequest.encode(
      WriteRequest.fromObject({
        timeseries: Array.from({ length: SERIES }, (_, s) => ({
          labels: [
            { name: "__name__", value: "bench_rw" },
            { name: "instance", value: `host-${s}` },
            { name: "job", value: "node" },
          ],
          samples: Array.from({ length: 20 }, (_, k) => ({ value: k, timestamp: t0 + i * 20 + k })),
        })),
      }),
    ).finish(),
  );

/** JSON metrics: SERIES series × 10 points. */
export const jsonMetricsBody = (i: number, t0: number) =>
  JSON.stringify({
    series: Array.from({ length: SERIES }, (_, s) => ({
      name: "bench_json",
      labels: { instance: `host-${s}` },
      points: Array.from({ length: 10 }, (_, k) => [t0 + i * 10 + k, k]),
    })),
  });

/** OTLP metrics (protobuf): one gauge with SERIES × 4 points. */
export const otlpMetricsBody = (i: number, t0: number) =>
  ExportMetricsServiceRequest.encode(
    ExportMetricsServiceRequest.fromObject({
      resourceMetrics: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "bench" } }] },
          scopeMetrics: [
            {
              metrics: [
                {
                  name: "bench_otlp",
                  gauge: {
                    dataPoints: Array.from({ length: SERIES * 4 }, (_, s) => ({
                      attributes: [{ key: "instance", value: { stringValue: `host-${s % SERIES}` } }],
                      timeUnixNano: String(BigInt(t0 + i * 4 + Math.floor(s / SERIES)) * 1_000_000n),
                      asDouble: s,
                    })),
                  },
                },
              ],
            },
          ],
        },
      ],
    }),
  ).finish();

/** 500 business events. */
export const eventsBody = (i: number, t0: number) =>
  JSON.stringify({
    events: Array.from({ length: 500 }, (_, k) => ({
      name: "bench_event",
      id: `${i}-${k}`,
      timestamp: t0 + i,
      userId: `u${k}`,
      properties: { plan: "pro" },
      value: k,
    })),
  });

/** 500 spans as OTLP/JSON. */
export const spansBody = (i: number, t0: number) =>
  JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "bench" } }] },
        scopeSpans: [
          {
            spans: Array.from({ length: 500 }, (_, k) => ({
              traceId: (i * 1000 + k).toString(16).padStart(32, "0"),
              spanId: (k + 1).toString(16).padStart(16, "0"),
              name: "GET /bench",
              kind: 2,
              startTimeUnixNano: `${t0 + i}000000`,
              endTimeUnixNano: `${t0 + i + 5}000000`,
              attributes: [{ key: "http.route", value: { stringValue: "/bench" } }],
            })),
          },
        ],
      },
    ],
  });
