// API keys look like `tt_<8-char prefix>_<43-char secret>`. Only the sha256 of the whole
// key is stored; the prefix is kept in clear so people can tell their keys apart.
import { createHash, randomBytes } from "node:crypto";

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url").slice(0, 8);
  const key = `tt_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

// sha256 (not a slow hash) is right here: the key carries 256 random bits, so there is
// nothing to brute-force, and every ingest request must verify it quickly.
export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export const looksLikeApiKey = (s: string) => /^tt_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/.test(s);
