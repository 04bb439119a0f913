// Prometheus remote_write 1.0 messages (prompb), the fields Telltale reads, as protobufjs
// reflection: the wire codec is protobufjs; only the schema is spelled out here.
import protobuf from "protobufjs";

const SCHEMA = `
syntax = "proto3";
package prometheus;
message WriteRequest { repeated TimeSeries timeseries = 1; repeated MetricMetadata metadata = 3; }
message TimeSeries { repeated Label labels = 1; repeated Sample samples = 2; }
message Label { string name = 1; string value = 2; }
message Sample { double value = 1; int64 timestamp = 2; }
message MetricMetadata {
  enum MetricType { UNKNOWN = 0; COUNTER = 1; GAUGE = 2; HISTOGRAM = 3; GAUGEHISTOGRAM = 4; SUMMARY = 5; INFO = 6; STATESET = 7; }
  MetricType type = 1; string metric_family_name = 2; string help = 4; string unit = 5;
}
`;

export const WriteRequest = protobuf.parse(SCHEMA, { keepCase: true }).root.lookupType("prometheus.WriteRequest");

export type DecodedWriteRequest = {
  timeseries?: { labels?: { name?: string; value?: string }[]; samples?: { value?: number; timestamp?: number }[] }[];
  metadata?: { type?: string; metric_family_name?: string; help?: string; unit?: string }[];
};
