// Reads a request body up to a size limit (413 beyond it), gunzipping when asked.
import { gunzipSync } from "node:zlib";
import { ApiError } from "@/lib/api/errors";

const tooLarge = (max: number) =>
  new ApiError(413, "payload_too_large", `The body is larger than ${max} bytes; send smaller batches`);

export async function readBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const body = Buffer.concat(chunks);
  if ((req.headers.get("content-encoding") ?? "").toLowerCase() !== "gzip") return body;
  try {
    return gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
    throw new ApiError(400, "malformed_body", "The body is not valid gzip");
  }
}

/** UTF-8 text, refusing invalid byte sequences instead of replacing them. */
export function utf8(body: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new ApiError(400, "malformed_body", "The body is not valid UTF-8");
  }
}
