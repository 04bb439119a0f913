// The Prometheus-compatible metadata API: labels, label values, series, metadata and
// build info, in Prometheus' response shapes, tenant-scoped — and promtool reading it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as labelValuesRoute } from "@/app/api/v1/label/[name]/values/route";
import { GET as labelsGet, POST as labelsPost } from "@/app/api/v1/labels/route";
import { GET as metadataRoute } from "@/app/api/v1/metadata/route";
import { GET as queryGet, POST as queryPost } from "@/app/api/v1/query/route";
import { GET as rangeGet, POST as rangePost } from "@/app/api/v1/query_range/route";
import { GET as seriesGet, POST as seriesPost } from "@/app/api/v1/series/route";
import { GET as buildinfo } from "@/app/api/v1/status/buildinfo/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { TenantContext } from "@/lib/auth/tenant";
import { closeDb, getPool } from "@/lib/db/client";
import { maintainStorage } from "@/lib/db/dialect";
import { emptyBatch } from "@/lib/ingest/normalized";
import { ingest } from "@/lib/ingest/pipeline";
import { serveRoutes } from "@/scripts/lib/serve-routes";
import { appSeriesDb } from "@/lib/series/series-db";
import type { SeriesKey } from "@/lib/series/write-series";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
const get = async <P>(
  h: Handler<P>,
  key: string,
  query = "",
  params = {} as P,
  auth: "bearer" | "basic" = "bearer",
) => {
  const authorization =
    auth === "bearer" ? `Bearer ${key}` : `Basic ${Buffer.from(`grafana:${key}`).toString("base64")}`;
  const res = await h(new Request(`http://t/api?${query}`, { headers: { authorization } }), {
    params: Promise.resolve(params),
  });
  return { status: res.status, body: await res.json() };
};

describe("Prometheus metadata API", () => {
  useTestDatabase();
  let acme: TenantContext;
  let key: string;
  let globexKey: string;
  const now = Date.now();

  beforeAll(async () => {
    acme = await makeClient("prom-acme");
    const globex = await makeClient("prom-globex");
    key = (await createApiKey(acme, { name: "grafana", scopes: ["read"] })).key;
    globexKey = (await createApiKey(globex, { name: "grafana", scopes: ["read"] })).key;
    const db = await appSeriesDb();
    await maintainStorage(db.sql, db.dialect, { retentionDays: 3 });
    const batch = emptyBatch();
    const series: SeriesKey[] = [
      { name: "http_requests_total", labels: { route: "/checkout", status: "200" }, type: "counter" },
      { name: "http_requests_total", labels: { route: "/checkout", status: "500" }, type: "counter" },
      { name: "http_requests_total", labels: { route: "/login", status: "200" }, type: "counter" },
      { name: "up", labels: { job: "api", instance: "a:1" }, type: "gauge" },
    ];
    batch.metrics = series.map((key, index) => ({ key, points: [[now - 60_000, 1]], index }));
    batch.metadata = [{ name: "http_requests_total", type: "counter", help: "Requests served", unit: "" }];
    batch.received = series.length;
    await ingest(acme, batch);
  });

  it("answers build info as a Prometheus 2.42", async () => {
    const { status, body } = await get(buildinfo, key);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "success", data: { version: "2.42.0" } });
  });

  it("lists label names and values, with and without match[]", async () => {
    expect((await get(labelsGet, key)).body).toEqual({
      status: "success",
      data: ["__name__", "instance", "job", "route", "status"],
    });
    const matched = await get(labelsGet, key, `match[]=${encodeURIComponent("up")}`);
    expect(matched.body.data).toEqual(["__name__", "instance", "job"]);
    expect((await get(labelValuesRoute, key, "", { name: "__name__" })).body.data).toEqual([
      "http_requests_total",
      "up",
    ]);
    const routes = await get(
      labelValuesRoute,
      key,
      `match[]=${encodeURIComponent('http_requests_total{status="500"}')}`,
      { name: "route" },
    );
    expect(routes.body.data).toEqual(["/checkout"]);
  });

  it("selects series by match[] (union of several), by GET and POST form, with basic auth too", async () => {
    const q = `match[]=${encodeURIComponent('http_requests_total{route=~"/check.*"}')}&match[]=up`;
    const { body } = await get(seriesGet, key, q, {}, "basic");
    expect(body.data).toHaveLength(3);
    expect(body.data).toContainEqual({ __name__: "up", job: "api", instance: "a:1" });
    const form = await seriesPost(
      new Request("http://t/api/v1/series", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams([["match[]", 'http_requests_total{status!="200"}']]),
      }),
      { params: Promise.resolve({}) },
    );
    expect((await form.json()).data).toEqual([{ __name__: "http_requests_total", route: "/checkout", status: "500" }]);
    const post = await labelsPost(
      new Request("http://t/api/v1/labels", { method: "POST", headers: { authorization: `Bearer ${key}` } }),
      { params: Promise.resolve({}) },
    );
    expect((await post.json()).status).toBe("success");
  });

  it("answers errors in Prometheus' shape", async () => {
    expect(await get(seriesGet, key)).toEqual({
      status: 400,
      body: { status: "error", errorType: "bad_data", error: "no match[] parameter provided" },
    });
    const bad = await get(seriesGet, key, `match[]=${encodeURIComponent("up{")}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: "error", errorType: "bad_data" });
    expect((await get(seriesGet, key, "match[]=up&start=yesterday")).body.error).toContain('invalid parameter "start"');
    expect((await get(labelValuesRoute, key, "", { name: "bad-name" })).status).toBe(400);
    expect((await get(labelsGet, "tt_notakeyx_" + "y".repeat(43))).status).toBe(401);
  });

  it("stops queries past their budgets with Prometheus' error types", async () => {
    const { setEnv } = await import("@/lib/env");
    const count = `query=${encodeURIComponent("count(http_requests_total)")}`;
    setEnv({ QUERY_MAX_SERIES: "10" });
    expect((await get(queryGet, key, count)).body.data.result[0].value[1]).toBe("3");
    setEnv({ QUERY_MAX_SERIES: "2" });
    try {
      const many = await get(queryGet, key, count);
      expect(many.status).toBe(422);
      expect(many.body).toMatchObject({ status: "error", errorType: "execution" });
      expect(many.body.error).toContain("more than 2 series");
    } finally {
      setEnv({ QUERY_MAX_SERIES: "" });
    }
    // The request's own timeout, a microsecond: shorter than the SQL round trips any query makes.
    const t = Math.floor(now / 1000);
    const late = await get(rangeGet, key, `query=up&start=${t - 600}&end=${t}&step=15&timeout=0.000001`);
    expect(late.status).toBe(503);
    expect(late.body).toMatchObject({ status: "error", errorType: "timeout" });
  });

  it("returns samples in time order whatever order they were written in", async () => {
    // Three writes, newest first: storage order is not time order (late samples).
    for (const [ago, value] of [
      [30_000, 3],
      [90_000, 1],
      [60_000, 2],
    ]) {
      const batch = emptyBatch();
      batch.metrics = [{ key: { name: "written_late", labels: {} }, points: [[now - ago, value]], index: 0 }];
      batch.received = 1;
      await ingest(acme, batch);
    }
    // Read in storage order, as the scans of large tables return rows (a small table gets an
    // index scan, which would sort them): index scans off for the connections opened next.
    const { rows } = await getPool().query("SELECT current_database() AS db");
    const setting = (sql: string) => getPool().query(`ALTER DATABASE "${rows[0].db}" ${sql}`);
    await setting("SET enable_indexscan = off");
    await setting("SET enable_indexonlyscan = off");
    await closeDb();
    try {
      const { body } = await get(queryGet, key, `query=written_late[5m]&time=${now / 1000}`);
      const values = body.data.result[0].values as [number, string][];
      expect(values.map((v) => v[1])).toEqual(["1", "2", "3"]);
      expect(values.map((v) => v[0])).toEqual([90_000, 60_000, 30_000].map((ago) => (now - ago) / 1000));
    } finally {
      await setting("RESET ALL");
      await closeDb();
    }
  });

  it("serves metric metadata", async () => {
    const { body } = await get(metadataRoute, key);
    expect(body.data.http_requests_total).toEqual([{ type: "counter", help: "Requests served", unit: "" }]);
    expect(body.data.up).toEqual([{ type: "gauge", help: "", unit: "" }]);
    expect(Object.keys((await get(metadataRoute, key, "limit=1")).body.data)).toHaveLength(1);
  });

  it("shows another client's key nothing", async () => {
    expect((await get(labelsGet, globexKey)).body.data).toEqual([]);
    expect((await get(seriesGet, globexKey, "match[]=up")).body.data).toEqual([]);
    expect((await get(metadataRoute, globexKey)).body.data).toEqual({});
  });

  describe("promtool (Prometheus 2.42) against it", () => {
    let app: Awaited<ReturnType<typeof serveRoutes>>;
    beforeAll(async () => {
      app = await serveRoutes({
        "GET /api/v1/series": seriesGet as never,
        "POST /api/v1/series": seriesPost as never,
        "GET /api/v1/label/__name__/values": ((req: Request) =>
          labelValuesRoute(req, { params: Promise.resolve({ name: "__name__" }) })) as never,
        "GET /api/v1/label/job/values": ((req: Request) =>
          labelValuesRoute(req, { params: Promise.resolve({ name: "job" }) })) as never,
        "GET /api/v1/query": queryGet as never,
        "POST /api/v1/query": queryPost as never,
        "GET /api/v1/query_range": rangeGet as never,
        "POST /api/v1/query_range": rangePost as never,
      });
    });
    afterAll(async () => app?.close());

    // promtool has no auth flags; Go's HTTP client sends URL user info as basic auth.
    const server = () => app.url.replace("http://", `http://grafana:${key}@`);
    const promtool = (...args: string[]) => promisify(execFile)("/usr/bin/promtool", args).then((r) => r.stdout.trim());

    it("lists series and label values", async () => {
      const series = await promtool("query", "series", "--match", 'http_requests_total{status="500"}', server());
      expect(series).toBe('{__name__="http_requests_total", route="/checkout", status="500"}');
      expect(await promtool("query", "labels", server(), "job")).toBe("api");
    });

    it("runs instant and range queries", async () => {
      const instant = await promtool(
        "query",
        "instant",
        server(),
        'sum by (status) (http_requests_total{route="/checkout"})',
      );
      const lines = instant.split("\n").sort();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^\{status="200"\} => 1 @\[\d+(\.\d+)?\]$/);
      expect(lines[1]).toMatch(/^\{status="500"\} => 1 @\[\d+(\.\d+)?\]$/);
      // The sample was written at now - 60 s; every step from just after it is within the lookback.
      const start = Math.ceil((now - 60_000) / 1000);

      const range = await promtool(
        "query",
        "range",
        "--start",
        String(start),
        "--end",
        String(start + 60),
        "--step",
        "30s",
        server(),
        "up",
      );
      expect(range).toContain('up{instance="a:1", job="api"} =>');
      expect(range.match(/ @\[/g)).toHaveLength(3);
    });

    it("answers an instant query for a range selector with its raw samples", async () => {
      const raw = await promtool("query", "instant", server(), "up[5m]");
      expect(raw).toMatch(/^up\{instance="a:1", job="api"\} =>\n1 @\[\d+(\.\d+)?\]$/);
    });
  });
});
