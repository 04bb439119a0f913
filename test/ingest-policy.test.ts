// A client's ingest policy applied by the pipeline: cardinality limits and sampling.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as otlpTraces } from "@/app/api/otlp/v1/traces/route";
import { POST as metrics } from "@/app/api/v1/metrics/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { TenantContext } from "@/lib/auth/tenant";
import { getPool } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { getIngestPolicy, updateIngestPolicy } from "@/lib/ingest/policy";
import { appSeriesDb } from "@/lib/series/series-db";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";
import { storedSamples } from "./ingest-helpers";

type Handler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
const post = (h: Handler, key: string, body: unknown) =>
  h(
    new Request("http://t/", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    {
      params: Promise.resolve({}),
    },
  );

const policy = {
  maxSeries: 1000,
  maxNewSeriesPerDay: 1000,
  metricMinIntervalSec: 0,
  traceSampleRatio: 1,
  keepErrorSpans: true,
  slowSpanMs: null,
};

describe("ingest policy", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let key: string;
  const now = Date.now();

  beforeAll(async () => {
    tenant = await makeClient("policy");
    key = (await createApiKey(tenant, { name: "ingest", scopes: ["ingest"] })).key;
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 3 });
  });

  it("defaults to the environment's limits until an admin sets the client's own", async () => {
    expect(await getIngestPolicy(tenant)).toMatchObject({ isDefault: true, maxSeries: 200_000, traceSampleRatio: 1 });
    await expect(updateIngestPolicy(tenant, { ...policy, traceSampleRatio: 0 })).rejects.toThrow();
    expect(await updateIngestPolicy(tenant, { ...policy, maxSeries: 3 })).toMatchObject({
      isDefault: false,
      maxSeries: 3,
    });
  });

  it("refuses new series past the limit with a reason, and keeps accepting known ones", async () => {
    const series = (n: number, t: number) => ({
      series: Array.from({ length: n }, (_, i) => ({ name: "card", labels: { i: String(i) }, points: [[t, i]] })),
    });
    const res = await post(metrics, key, series(5, now - 1000));
    const out = await res.json();
    expect(out.accepted).toBe(3);
    expect(out.errors.map((e: { index: number }) => e.index)).toEqual([3, 4]);
    expect(out.errors[0].reason).toContain("series limit");
    const again = await (await post(metrics, key, series(3, now))).json();
    expect(again).toMatchObject({ accepted: 3, rejected: 0 });
    expect((await storedSamples(tenant.clientId, "card")).length).toBe(6);
  });

  it("downsamples metrics to the minimum interval per series", async () => {
    await updateIngestPolicy(tenant, { ...policy, maxSeries: 100, metricMinIntervalSec: 60 });
    const points = Array.from({ length: 30 }, (_, i) => [now - 300_000 + i * 10_000, i]);
    expect((await post(metrics, key, { series: [{ name: "dense", points }] })).status).toBe(200);
    const stored = await storedSamples(tenant.clientId, "dense");
    expect(stored.length).toBe(5);
    for (let i = 1; i < stored.length; i++)
      expect(stored[i].t.getTime() - stored[i - 1].t.getTime()).toBeGreaterThanOrEqual(60_000);
  });

  it("samples traces by ratio, always keeps errors, and stores weights that correct counts", async () => {
    await updateIngestPolicy(tenant, { ...policy, maxSeries: 100, traceSampleRatio: 0.2, slowSpanMs: 1000 });
    const ns = (ms: number) => `${ms}000000`;
    const spans = Array.from({ length: 2000 }, (_, i) => ({
      traceId: (BigInt(i + 1) * 0x9e3779b97f4a7c15n).toString(16).padStart(32, "0").slice(-32),
      spanId: "00000000000000aa",
      name: "GET /x",
      kind: 2,
      startTimeUnixNano: ns(now - 5000),
      endTimeUnixNano: ns(now - 5000 + (i % 100 === 0 ? 2000 : 10)),
      status: { code: i % 50 === 0 ? 2 : 1 },
    }));
    const res = await post(otlpTraces, key, {
      resourceSpans: [
        { resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] }, scopeSpans: [{ spans }] },
      ],
    });
    expect(res.status).toBe(200);
    const { rows } = await getPool().query(
      `SELECT count(*)::int AS stored, sum(sample_weight)::float8 AS estimated,
              (count(*) FILTER (WHERE status = 'error'))::int AS errors, (count(*) FILTER (WHERE duration_ms >= 1000))::int AS slow
         FROM series.spans WHERE client_id = $1`,
      [tenant.clientId],
    );
    expect(rows[0].errors).toBe(40);
    expect(rows[0].slow).toBe(20);
    expect(rows[0].stored).toBeLessThan(700);
    expect(Math.abs(rows[0].estimated - 2000) / 2000).toBeLessThan(0.1);
  });
});
