declare module "snappyjs" {
  const SnappyJS: { uncompress(input: Uint8Array): Uint8Array; compress(input: Uint8Array): Uint8Array };
  export default SnappyJS;
}
declare module "parse-prometheus-text-format";
