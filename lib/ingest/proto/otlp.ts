// OTLP metrics and traces messages (opentelemetry.proto v1), the fields Telltale reads,
// as protobufjs reflection. JSON-encoded OTLP uses the same field names in lowerCamelCase.
import protobuf from "protobufjs";

const SCHEMA = `
syntax = "proto3";
package otlp;
message AnyValue {
  oneof value { string stringValue = 1; bool boolValue = 2; int64 intValue = 3; double doubleValue = 4;
                ArrayValue arrayValue = 5; KeyValueList kvlistValue = 6; bytes bytesValue = 7; }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message Resource { repeated KeyValue attributes = 1; }
message InstrumentationScope { string name = 1; string version = 2; repeated KeyValue attributes = 3; }

message ExportMetricsServiceRequest { repeated ResourceMetrics resourceMetrics = 1; }
message ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scopeMetrics = 2; }
message ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; }
message Metric {
  string name = 1; string description = 2; string unit = 3;
  oneof data { Gauge gauge = 5; Sum sum = 7; Histogram histogram = 9; ExponentialHistogram exponentialHistogram = 10; Summary summary = 11; }
}
message Gauge { repeated NumberDataPoint dataPoints = 1; }
message Sum { repeated NumberDataPoint dataPoints = 1; int32 aggregationTemporality = 2; bool isMonotonic = 3; }
message Histogram { repeated HistogramDataPoint dataPoints = 1; int32 aggregationTemporality = 2; }
message ExponentialHistogram { int32 aggregationTemporality = 2; }
message Summary { repeated SummaryDataPoint dataPoints = 1; }
message NumberDataPoint {
  repeated KeyValue attributes = 7; fixed64 startTimeUnixNano = 2; fixed64 timeUnixNano = 3;
  oneof value { double asDouble = 4; sfixed64 asInt = 6; }
  uint32 flags = 8;
}
message HistogramDataPoint {
  repeated KeyValue attributes = 9; fixed64 startTimeUnixNano = 2; fixed64 timeUnixNano = 3; fixed64 count = 4;
  optional double sum = 5; repeated fixed64 bucketCounts = 6; repeated double explicitBounds = 7; uint32 flags = 10;
}
message SummaryDataPoint {
  repeated KeyValue attributes = 7; fixed64 startTimeUnixNano = 2; fixed64 timeUnixNano = 3; fixed64 count = 4; double sum = 5;
  message ValueAtQuantile { double quantile = 1; double value = 2; }
  repeated ValueAtQuantile quantileValues = 6;
}

message ExportTraceServiceRequest { repeated ResourceSpans resourceSpans = 1; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scopeSpans = 2; }
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
message Span {
  bytes traceId = 1; bytes spanId = 2; string traceState = 3; bytes parentSpanId = 4; string name = 5; int32 kind = 6;
  fixed64 startTimeUnixNano = 7; fixed64 endTimeUnixNano = 8; repeated KeyValue attributes = 9; Status status = 15;
}
message Status { string message = 2; int32 code = 3; }

message ExportMetricsServiceResponse { ExportMetricsPartialSuccess partialSuccess = 1; }
message ExportMetricsPartialSuccess { int64 rejectedDataPoints = 1; string errorMessage = 2; }
message ExportTraceServiceResponse { ExportTracePartialSuccess partialSuccess = 1; }
message ExportTracePartialSuccess { int64 rejectedSpans = 1; string errorMessage = 2; }
`;

const root = protobuf.parse(SCHEMA, { keepCase: true }).root;
export const ExportMetricsServiceRequest = root.lookupType("otlp.ExportMetricsServiceRequest");
export const ExportTraceServiceRequest = root.lookupType("otlp.ExportTraceServiceRequest");
export const ExportMetricsServiceResponse = root.lookupType("otlp.ExportMetricsServiceResponse");
export const ExportTraceServiceResponse = root.lookupType("otlp.ExportTraceServiceResponse");

/** Decoded to (nearly) the OTLP/JSON shape: 64-bit numbers as strings; ids stay bytes. */
export function decodeOtlp(type: protobuf.Type, body: Uint8Array): unknown {
  return type.toObject(type.decode(body), { longs: String, defaults: false });
}
