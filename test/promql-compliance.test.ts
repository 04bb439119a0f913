// The community's PromQL compliance set (539 cases) against a real Prometheus 2.42 over the
// same demo-service data, through Telltale's HTTP routes: remote_write in, query_range out.
// `npm run test:promql-compliance` prints the same comparison with every difference.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as queryRange } from "@/app/api/v1/query_range/route";
import { POST as write } from "@/app/api/v1/write/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { maintainStorage } from "@/lib/db/dialect";
import { setEnv } from "@/lib/env";
import { appSeriesDb } from "@/lib/series/series-db";
import { runCompliance } from "@/scripts/promql-compliance/harness";
import { serveRoutes } from "@/scripts/lib/serve-routes";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

describe("PromQL compliance with Prometheus 2.42", () => {
  useTestDatabase();
  let telltale: Awaited<ReturnType<typeof serveRoutes>>;
  let key: string;

  beforeAll(async () => {
    setEnv({ INGEST_RATE_LIMIT: "100000000" });
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 2 });
    const tenant = await makeClient("compliance");
    ({ key } = await createApiKey(tenant, { name: "compliance", scopes: ["ingest", "read"] }));
    telltale = await serveRoutes({ "POST /api/v1/write": write, "POST /api/v1/query_range": queryRange });
  });

  afterAll(async () => {
    setEnv({ INGEST_RATE_LIMIT: "" });
    await telltale?.close();
  });

  it("answers all 539 cases as Prometheus does", async () => {
    const results = await runCompliance({ url: telltale.url, headers: { Authorization: `Bearer ${key}` } });
    expect(results).toHaveLength(539);
    expect(results.filter((r) => r.difference).map((r) => `${r.query}: ${r.difference}`)).toEqual([]);
  }, 300_000);
});
