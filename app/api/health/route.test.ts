import { describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { setEnv } from "@/lib/env";
import { useTestDatabase } from "@/test/db";
import pkg from "@/package.json";
import { GET } from "./route";

const call = () => GET(new Request("http://t/api/health"), { params: Promise.resolve({}) });

describe("GET /api/health", () => {
  const db = useTestDatabase();

  it("reports ok with the dialect and database latency", async () => {
    const res = await call();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", version: pkg.version, db: { ok: true, dialect: "postgres" } });
    expect(body.db.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it("answers 503 when the database is unreachable", async () => {
    await closeDb();
    setEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nothing" });
    const res = await call();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "degraded", db: { ok: false, latencyMs: null } });
    await closeDb();
    setEnv({ DATABASE_URL: db.url() });
  });
});
