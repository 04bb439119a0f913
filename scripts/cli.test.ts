// The CLI as operators run it: a separate process, flags in, one line or JSON out.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { looksLikeApiKey } from "@/lib/auth/api-key-token";
import { useTestDatabase } from "@/test/db";

const run = promisify(execFile);

describe("npm run cli", () => {
  const db = useTestDatabase();
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
        env: { ...process.env, DATABASE_URL: db.url() },
      });
      return { code: 0, stdout: stdout.trim(), stderr: stderr.trim() };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout.trim(), stderr: e.stderr.trim() };
    }
  };

  it("creates a client, a user, a membership and an API key", async () => {
    expect(
      await cli("client:create", "--slug", "cli-co", "--name", "CLI Co", "--timezone", "Europe/Paris"),
    ).toMatchObject({
      code: 0,
      stdout: "created client cli-co (CLI Co, Europe/Paris)",
    });
    const user = await cli(
      "user:create",
      "--email",
      "op@cli.test",
      "--password",
      "long-enough-pw",
      "--super-admin",
      "--json",
    );
    expect(JSON.parse(user.stdout)).toMatchObject({ email: "op@cli.test", isSuperAdmin: true });
    expect((await cli("member:add", "--client", "cli-co", "--email", "op@cli.test", "--role", "manager")).stdout).toBe(
      "added op@cli.test to cli-co as manager",
    );
    const key = await cli("apikey:create", "--client", "cli-co", "--name", "prom", "--scopes", "ingest,read");
    expect(key.code).toBe(0);
    expect(looksLikeApiKey(key.stdout)).toBe(true);
  });

  it("exits non-zero with a one-line reason on bad input", async () => {
    const dup = await cli("client:create", "--slug", "cli-co", "--name", "Again");
    expect(dup).toMatchObject({ code: 1, stderr: "error: A client with the slug 'cli-co' already exists" });
    const badRole = await cli(
      "member:add",
      "--client",
      "cli-co",
      "--email",
      "op@cli.test",
      "--role",
      "owner",
      "--json",
    );
    expect(badRole.code).toBe(1);
    expect(JSON.parse(badRole.stdout)).toEqual({ error: "--role: Choose admin, manager or viewer" });
    expect((await cli("apikey:create", "--client", "cli-co", "--name", "x", "--scopes", "write")).stderr).toBe(
      "error: --scopes: Scopes are ingest, read and admin",
    );
    expect((await cli("nonsense")).code).toBe(1);
  });

  it("migrates idempotently and seeds the demo once", async () => {
    expect(JSON.parse((await cli("db:migrate", "--json")).stdout)).toMatchObject({ applied: [], dialect: "postgres" });
    expect((await cli("demo:seed")).stdout).toMatch(/^seeded demo: \d+ samples, \d+ events, \d+ spans$/);
    expect((await cli("demo:seed")).stdout).toBe("demo client already exists");
  });
});
