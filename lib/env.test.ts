import { describe, expect, it } from "vitest";
import { EnvError, isDemoEnabled, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults to an empty environment", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATA_DIR).toBe(".data");
    expect(e.RETENTION_DAYS).toBe(90);
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names every bad variable with what a good value looks like", () => {
    const bad = {
      DATABASE_URL: "mysql://x",
      PORT: "eighty",
      NEXTAUTH_SECRET: "short",
      DEMO: "maybe",
      ADMIN_EMAIL: "nope",
    };
    let message = "";
    try {
      parseEnv(bad);
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      message = (err as Error).message;
    }
    expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(message).toContain("PORT: must be a number");
    expect(message).toContain("NEXTAUTH_SECRET: must be at least 32 characters");
    expect(message).toContain("DEMO: must be 1/true or 0/false");
    expect(message).toContain("ADMIN_EMAIL: must be an email address");
  });

  it("turns the demo on by default only for the embedded database", () => {
    expect(isDemoEnabled(parseEnv({}), true)).toBe(true);
    expect(isDemoEnabled(parseEnv({}), false)).toBe(false);
    expect(isDemoEnabled(parseEnv({ DEMO: "1" }), false)).toBe(true);
    expect(isDemoEnabled(parseEnv({ DEMO: "0" }), true)).toBe(false);
  });
});
