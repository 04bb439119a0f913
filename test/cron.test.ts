// /api/cron/* routes: the shared secret or nothing.
import { afterEach, describe, expect, it } from "vitest";
import { GET as rollups } from "@/app/api/cron/rollups/route";
import { setEnv } from "@/lib/env";
import { useTestDatabase } from "./db";

const call = (authorization?: string) =>
  rollups(new Request("http://t/api/cron/rollups", { headers: authorization ? { authorization } : {} }), {
    params: Promise.resolve({}),
  });

describe("/api/cron/rollups", () => {
  useTestDatabase();
  afterEach(() => setEnv({ CRON_SECRET: "" }));

  it("is absent (404) when CRON_SECRET is unset", async () => {
    expect((await call("Bearer anything-goes-here")).status).toBe(404);
  });

  it("refuses a wrong secret and runs one refresh with the right one", async () => {
    setEnv({ CRON_SECRET: "a-long-enough-cron-secret" });
    expect((await call()).status).toBe(401);
    expect((await call("Bearer a-long-enough-cron-secreX")).status).toBe(401);
    const ok = await call("Bearer a-long-enough-cron-secret");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ minutes: 0 });
  });
});
