import { expect, test } from "@playwright/test";

test("GET /api/health reports the process and the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok", db: { ok: true, dialect: "postgres" } });
  expect(typeof body.version).toBe("string");
  expect(typeof body.uptimeSeconds).toBe("number");
  expect(typeof body.db.latencyMs).toBe("number");
});

test("GET /api/metrics serves Prometheus text with request durations, event-loop lag, pool use and process metrics", async ({
  request,
}) => {
  await request.get("/api/v1/whoami");
  const res = await request.get("/api/metrics");
  expect(res.headers()["content-type"]).toContain("text/plain");
  const text = await res.text();
  expect(text).toMatch(
    /telltale_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/whoami",status="401"\} \d+/,
  );
  expect(text).toContain("nodejs_eventloop_lag_seconds");
  expect(text).toMatch(/telltale_db_pool_connections\{state="total"\} \d+/);
  expect(text).toContain("process_resident_memory_bytes");
});
