declare module "snappyjs" {
  const SnappyJS: { uncompress(input: Uint8Array): Uint8Array; compress(input: Uint8Array): Uint8Array };
  export default SnappyJS;
}
declare module "parse-prometheus-text-format";
// The package ships types its "exports" map does not expose.
declare module "@prometheus-io/lezer-promql" {
  export const parser: import("@lezer/lr").LRParser;
}
