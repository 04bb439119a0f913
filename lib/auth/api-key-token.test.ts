import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, looksLikeApiKey } from "./api-key-token";
import { roleAtLeast } from "./roles";

describe("API key tokens", () => {
  it("generates well-formed, unique keys whose hash is stable", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(looksLikeApiKey(a.key)).toBe(true);
    expect(a.key.startsWith(`tt_${a.prefix}_`)).toBe(true);
    expect(a.key).not.toBe(b.key);
    expect(hashApiKey(a.key)).toBe(a.hash);
    expect(a.hash).not.toContain(a.key.slice(12));
  });

  it("rejects strings that are not keys", () => {
    expect(looksLikeApiKey("tt_short_x")).toBe(false);
    expect(looksLikeApiKey("Bearer abc")).toBe(false);
  });
});

describe("roles", () => {
  it("orders viewer < manager < admin", () => {
    expect(roleAtLeast("admin", "manager")).toBe(true);
    expect(roleAtLeast("manager", "viewer")).toBe(true);
    expect(roleAtLeast("manager", "admin")).toBe(false);
    expect(roleAtLeast("viewer", "manager")).toBe(false);
  });
});
