// Every API route, tried from the other side of the tenant line: a globex user or key
// asking for acme's things must find nothing and change nothing. The route list below
// must name every route file in app/, so a new route cannot skip this suite.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { fixtures, sessionFor } from "./helpers";

/** `viewer`: what an acme viewer gets, when not the default (200 for members' reads, else 403). */
type Attempt = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; url: string; data?: unknown; viewer?: number };

// No such rule or incident exists anywhere: another client's id and a made-up one must look alike.
const SOME_ID = "6f1c1d2e-0000-4000-8000-00000000abcd";
const RULE = { name: "x", query: "up", comparator: "<", threshold: 1 };
const POLICY = { name: "x", severities: ["critical"], steps: [{ delaySeconds: 0, roles: ["admin"] }] };

/** For each route: the cross-tenant attempts (as globex's admin, on acme's resources). */
const CROSS_TENANT: Record<string, (f: ReturnType<typeof fixtures>) => Attempt[]> = {
  "/api/v1/clients/[client]": () => [
    { method: "GET", url: "/api/v1/clients/acme" },
    { method: "PATCH", url: "/api/v1/clients/acme", data: { name: "pwned" } },
  ],
  "/api/v1/clients/[client]/members": () => [
    { method: "GET", url: "/api/v1/clients/acme/members" },
    { method: "POST", url: "/api/v1/clients/acme/members", data: { email: "admin@globex.test", role: "admin" } },
  ],
  "/api/v1/clients/[client]/members/[memberId]": (f) => [
    { method: "PATCH", url: `/api/v1/clients/acme/members/${f.acme.memberId}`, data: { role: "admin" } },
    { method: "DELETE", url: `/api/v1/clients/acme/members/${f.acme.memberId}` },
    // Own client in the URL, other client's id: still nothing.
    { method: "PATCH", url: `/api/v1/clients/globex/members/${f.acme.memberId}`, data: { role: "admin" } },
    { method: "DELETE", url: `/api/v1/clients/globex/members/${f.acme.memberId}` },
  ],
  "/api/v1/clients/[client]/api-keys": () => [
    { method: "GET", url: "/api/v1/clients/acme/api-keys" },
    { method: "POST", url: "/api/v1/clients/acme/api-keys", data: { name: "x", scopes: ["ingest"] } },
  ],
  "/api/v1/clients/[client]/api-keys/[keyId]": (f) => [
    { method: "DELETE", url: `/api/v1/clients/acme/api-keys/${f.acme.apiKeyId}` },
    { method: "DELETE", url: `/api/v1/clients/globex/api-keys/${f.acme.apiKeyId}` },
  ],
  "/api/v1/clients/[client]/overview": () => [{ method: "GET", url: "/api/v1/clients/acme/overview" }],
  "/api/v1/clients/[client]/query": () => [{ method: "GET", url: "/api/v1/clients/acme/query?query=up&range=1h" }],
  "/api/v1/clients/[client]/metric-names": () => [{ method: "GET", url: "/api/v1/clients/acme/metric-names" }],
  "/api/v1/clients/[client]/alert-rules": () => [
    { method: "GET", url: "/api/v1/clients/acme/alert-rules" },
    { method: "POST", url: "/api/v1/clients/acme/alert-rules", data: RULE },
  ],
  // A backtest is a read: a viewer may run one (200).
  "/api/v1/clients/[client]/alert-rules/backtest": () => [
    { method: "POST", url: "/api/v1/clients/acme/alert-rules/backtest", data: RULE, viewer: 200 },
  ],
  "/api/v1/clients/[client]/alert-rules/[id]": () => [
    { method: "PUT", url: `/api/v1/clients/acme/alert-rules/${SOME_ID}`, data: RULE },
    { method: "DELETE", url: `/api/v1/clients/acme/alert-rules/${SOME_ID}` },
  ],
  "/api/v1/clients/[client]/escalation-policies": () => [
    { method: "GET", url: "/api/v1/clients/acme/escalation-policies" },
    { method: "POST", url: "/api/v1/clients/acme/escalation-policies", data: POLICY },
  ],
  "/api/v1/clients/[client]/escalation-policies/[id]": () => [
    { method: "PUT", url: `/api/v1/clients/acme/escalation-policies/${SOME_ID}`, data: POLICY },
    { method: "DELETE", url: `/api/v1/clients/acme/escalation-policies/${SOME_ID}` },
  ],
  "/api/v1/clients/[client]/dashboards": () => [
    { method: "GET", url: "/api/v1/clients/acme/dashboards", viewer: 200 },
    { method: "POST", url: "/api/v1/clients/acme/dashboards", data: { title: "x" } },
  ],
  "/api/v1/clients/[client]/dashboards/[id]": () => [
    { method: "GET", url: `/api/v1/clients/acme/dashboards/${SOME_ID}`, viewer: 404 },
    { method: "PUT", url: `/api/v1/clients/acme/dashboards/${SOME_ID}`, data: { title: "x" } },
    { method: "DELETE", url: `/api/v1/clients/acme/dashboards/${SOME_ID}` },
  ],
  "/api/v1/clients/[client]/dashboards/[id]/duplicate": () => [
    { method: "POST", url: `/api/v1/clients/acme/dashboards/${SOME_ID}/duplicate` },
  ],
  "/api/v1/clients/[client]/dashboards/[id]/export": () => [
    { method: "GET", url: `/api/v1/clients/acme/dashboards/${SOME_ID}/export`, viewer: 404 },
  ],
  "/api/v1/clients/[client]/label-names": () => [
    { method: "GET", url: "/api/v1/clients/acme/label-names?match=up", viewer: 200 },
  ],
  "/api/v1/clients/[client]/label-values": () => [
    { method: "GET", url: "/api/v1/clients/acme/label-values?label=job", viewer: 200 },
  ],
  "/api/v1/clients/[client]/annotations": () => [
    {
      method: "GET",
      url: `/api/v1/clients/acme/annotations?from=${Date.now() - 3_600_000}&to=${Date.now()}`,
      viewer: 200,
    },
  ],
  "/api/v1/clients/[client]/drilldown": () => [
    {
      method: "GET",
      url: `/api/v1/clients/acme/drilldown?q=up&from=${Date.now() - 3_600_000}&to=${Date.now()}`,
      viewer: 200,
    },
  ],
  "/api/v1/clients/[client]/drilldown/samples": () => [
    {
      method: "GET",
      url: `/api/v1/clients/acme/drilldown/samples?q=up&from=${Date.now() - 3_600_000}&to=${Date.now()}`,
      viewer: 200,
    },
  ],
  "/api/v1/clients/[client]/business": () => [
    { method: "GET", url: "/api/v1/clients/acme/business?range=24h", viewer: 200 },
  ],
  "/api/v1/clients/[client]/system-health": () => [
    { method: "GET", url: "/api/v1/clients/acme/system-health", viewer: 200 },
  ],
  "/api/v1/clients/[client]/queries": () => [
    {
      method: "POST",
      url: "/api/v1/clients/acme/queries",
      data: { queries: [{ query: "up", range: "1h" }] },
      viewer: 200,
    },
  ],
  "/api/v1/clients/[client]/performance": () => [
    { method: "GET", url: "/api/v1/clients/acme/performance?range=1h", viewer: 200 },
  ],
  "/api/v1/clients/[client]/traces": () => [
    { method: "GET", url: "/api/v1/clients/acme/traces?range=1h", viewer: 200 },
  ],
  "/api/v1/clients/[client]/traces/[traceId]": () => [
    // A made-up trace id and another client's look alike: not found.
    { method: "GET", url: "/api/v1/clients/acme/traces/0123456789abcdef0123456789abcdef", viewer: 404 },
  ],
  "/api/v1/clients/[client]/notifications": () => [{ method: "GET", url: "/api/v1/clients/acme/notifications" }],
  "/api/v1/clients/[client]/notifications/[id]": () => [
    { method: "GET", url: `/api/v1/clients/acme/notifications/${SOME_ID}` },
  ],
  "/api/v1/clients/[client]/notifications/test": () => [
    {
      method: "POST",
      url: "/api/v1/clients/acme/notifications/test",
      data: { channel: "email", target: "admin@acme.test" },
    },
  ],
  "/api/v1/clients/[client]/notification-channels": () => [
    { method: "GET", url: "/api/v1/clients/acme/notification-channels" },
  ],
  "/api/v1/clients/[client]/silences": () => [
    { method: "GET", url: "/api/v1/clients/acme/silences" },
    { method: "POST", url: "/api/v1/clients/acme/silences", data: { matchers: '{job="x"}', durationMinutes: 60 } },
  ],
  "/api/v1/clients/[client]/silences/[id]": () => [
    { method: "DELETE", url: `/api/v1/clients/acme/silences/${SOME_ID}` },
  ],
  "/api/v1/clients/[client]/incidents": () => [{ method: "GET", url: "/api/v1/clients/acme/incidents?state=all" }],
  "/api/v1/clients/[client]/incidents/[id]": () => [
    { method: "GET", url: `/api/v1/clients/acme/incidents/${SOME_ID}`, viewer: 404 },
  ],
  "/api/v1/clients/[client]/incidents/[id]/acknowledge": () => [
    { method: "POST", url: `/api/v1/clients/acme/incidents/${SOME_ID}/acknowledge` },
  ],
  "/api/v1/clients/[client]/incidents/[id]/resolve": () => [
    { method: "POST", url: `/api/v1/clients/acme/incidents/${SOME_ID}/resolve` },
  ],
  "/api/v1/clients/[client]/ingest-policy": () => [
    { method: "GET", url: "/api/v1/clients/acme/ingest-policy" },
    {
      method: "PUT",
      url: "/api/v1/clients/acme/ingest-policy",
      data: {
        maxSeries: 1,
        maxNewSeriesPerDay: 1,
        metricMinIntervalSec: 0,
        traceSampleRatio: 1,
        keepErrorSpans: true,
        slowSpanMs: null,
      },
    },
  ],
};

/** Routes that are not client-scoped, with the test below that covers them. */
const OTHER_ROUTES = [
  "/api/v1/clients",
  "/api/v1/whoami",
  "/api/health",
  "/api/metrics",
  "/api/auth/[...nextauth]",
  "/api/cron/rollups", // not client data: shared-secret auth, tested in test/cron.test.ts
  "/api/cron/alerts", // the same, tested in test/alerting.test.ts
  "/api/ack/[token]", // an HMAC-signed link names its incident; tested in test/alerting.test.ts
];

/** Management resources an API key reaches (alerts as code); covered by the alert-rules test below. */
const KEY_ROUTES = ["/api/v1/alert-rules", "/api/v1/alert-rules/[id]"];

/** Prometheus-compatible read routes: the API key decides the tenant. */
const PROM_ROUTES: Record<string, string> = {
  "/api/v1/series": `/api/v1/series?match[]=${encodeURIComponent('{__name__=~".+"}')}`,
  "/api/v1/labels": "/api/v1/labels",
  "/api/v1/label/[name]/values": "/api/v1/label/__name__/values",
  "/api/v1/metadata": "/api/v1/metadata",
  "/api/v1/status/buildinfo": "/api/v1/status/buildinfo",
  "/api/v1/format_query": `/api/v1/format_query?query=${encodeURIComponent("sum(up)")}`,
  "/api/v1/query": `/api/v1/query?query=${encodeURIComponent('{__name__=~".+"}')}`,
  "/api/v1/query_range": `/api/v1/query_range?query=${encodeURIComponent('count by (__name__) ({__name__=~".+"})')}&start=${Math.floor(Date.now() / 1000) - 3600}&end=${Math.floor(Date.now() / 1000)}&step=60`,
};

/** Ingest routes: the API key decides the tenant; covered by the last test below. */
const INGEST_ROUTES: Record<string, { contentType: string; body: () => string }> = {
  "/api/v1/metrics": {
    contentType: "application/json",
    body: () => JSON.stringify({ series: [{ name: "iso_metric", points: [[Date.now(), 1]] }] }),
  },
  "/api/v1/events": {
    contentType: "application/json",
    body: () => JSON.stringify({ events: [{ name: "iso_event", timestamp: Date.now() }] }),
  },
  "/api/v1/write": { contentType: "application/x-protobuf", body: () => "" },
  "/api/otlp/v1/metrics": { contentType: "application/json", body: () => JSON.stringify({ resourceMetrics: [] }) },
  "/api/otlp/v1/traces": {
    contentType: "application/json",
    body: () =>
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [] },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: "5b8aa5a2d2c872e8321cf37308d69df2",
                    spanId: "051581bf3cb55c13",
                    name: "iso",
                    kind: 2,
                    startTimeUnixNano: `${Date.now()}000000`,
                    endTimeUnixNano: `${Date.now()}000000`,
                  },
                ],
              },
            ],
          },
        ],
      }),
  },
};

function routeFiles(dir = "app", prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const seg = e.name.startsWith("(") ? "" : `/${e.name}`;
    if (e.isDirectory()) out.push(...routeFiles(path.join(dir, e.name), prefix + seg));
    else if (e.name === "route.ts") out.push(prefix);
  }
  return out;
}

const send = (ctx: APIRequestContext, a: Attempt) => ctx.fetch(a.url, { method: a.method, data: a.data });

test("every route file is covered by this suite", () => {
  expect(routeFiles().sort()).toEqual(
    [
      ...Object.keys(CROSS_TENANT),
      ...OTHER_ROUTES,
      ...KEY_ROUTES,
      ...Object.keys(INGEST_ROUTES),
      ...Object.keys(PROM_ROUTES),
    ].sort(),
  );
});

test("another client's user finds nothing (404) and changes nothing on every client route", async ({ baseURL }) => {
  const f = fixtures();
  const globex = await sessionFor(baseURL!, "admin@globex.test");
  const acme = await sessionFor(baseURL!, "admin@acme.test");
  const before = {
    members: await (await acme.get("/api/v1/clients/acme/members")).text(),
    keys: await (await acme.get("/api/v1/clients/acme/api-keys")).text(),
    client: await (await acme.get("/api/v1/clients/acme")).text(),
  };

  for (const [route, attempts] of Object.entries(CROSS_TENANT)) {
    for (const a of attempts(f)) {
      const res = await send(globex, a);
      expect(res.status(), `${a.method} ${a.url} (${route})`).toBe(404);
      const body = await res.json();
      expect(body.error.code).toBe("not_found");
      expect(JSON.stringify(body)).not.toContain("acme.test");
    }
  }
  expect(await (await acme.get("/api/v1/clients/acme/members")).text()).toBe(before.members);
  expect(await (await acme.get("/api/v1/clients/acme/api-keys")).text()).toBe(before.keys);
  expect(await (await acme.get("/api/v1/clients/acme")).text()).toBe(before.client);
});

test("client routes refuse API keys and anonymous callers (401), and weak roles (403)", async ({
  baseURL,
  request,
}) => {
  const f = fixtures();
  const viewer = await sessionFor(baseURL!, "viewer@acme.test");
  for (const attempts of Object.values(CROSS_TENANT)) {
    for (const a of attempts(f).filter((x) => x.url.includes("/acme"))) {
      const anonymous = await send(request, a);
      expect(anonymous.status(), `anonymous ${a.method} ${a.url}`).toBe(401);
      const withKey = await request.fetch(a.url, {
        method: a.method,
        data: a.data,
        headers: { authorization: `Bearer ${f.acme.apiKey}` },
      });
      expect(withKey.status(), `API key ${a.method} ${a.url}`).toBe(401);
      const asViewer = await send(viewer, a);
      const readable =
        a.method === "GET" &&
        /\/acme(\/overview|\/query\?.*|\/metric-names|\/alert-rules|\/escalation-policies|\/silences|\/incidents\?.*)?$/.test(
          a.url,
        );
      expect(asViewer.status(), `viewer ${a.method} ${a.url}`).toBe(a.viewer ?? (readable ? 200 : 403));
    }
  }
});

test("client lists and API keys stay within their tenant", async ({ baseURL, request }) => {
  const f = fixtures();
  const globex = await sessionFor(baseURL!, "admin@globex.test");
  expect((await (await globex.get("/api/v1/clients")).json()).map((c: { slug: string }) => c.slug)).toEqual(["globex"]);
  const create = await globex.post("/api/v1/clients", { data: { slug: "sneaky", name: "Sneaky" } });
  expect(create.status()).toBe(403);
  const who = await request.get("/api/v1/whoami", { headers: { authorization: `Bearer ${f.globex.apiKey}` } });
  expect((await who.json()).client).toBe("globex");
  expect((await request.get("/api/v1/clients")).status()).toBe(401);
});

test("an ingest key writes only into its own client, and other keys cannot write at all", async ({
  baseURL,
  request,
}) => {
  const f = fixtures();
  const acme = await sessionFor(baseURL!, "admin@acme.test");
  const globex = await sessionFor(baseURL!, "admin@globex.test");
  const totals = async (ctx: typeof acme, slug: string) =>
    (await (await ctx.get(`/api/v1/clients/${slug}/overview`)).json()).totals24h;
  const acmeBefore = await totals(acme, "acme");
  const globexBefore = await totals(globex, "globex");
  for (const [url, { contentType, body }] of Object.entries(INGEST_ROUTES)) {
    const res = await request.post(url, {
      headers: { authorization: `Bearer ${f.globex.apiKey}`, "content-type": contentType },
      data: body(),
    });
    expect(res.status(), url).toBeLessThan(500);
    const anonymous = await request.post(url, { headers: { "content-type": contentType }, data: body() });
    expect(anonymous.status(), `anonymous ${url}`).toBe(401);
  }
  expect(await totals(acme, "acme")).toEqual(acmeBefore);
  const globexAfter = await totals(globex, "globex");
  expect(globexAfter.events).toBe(globexBefore.events + 1);
  expect(globexAfter.spans).toBe(globexBefore.spans + 1);
  expect(globexAfter.series).toBe(globexBefore.series + 1);
});

test("the Prometheus API shows a key its own client's series only", async ({ request }) => {
  const f = fixtures();
  for (const url of Object.values(PROM_ROUTES)) {
    expect((await request.get(url)).status(), `anonymous ${url}`).toBe(401);
    const res = await request.get(url, { headers: { authorization: `Bearer ${f.globex.apiKey}` } });
    expect(res.status(), url).toBe(200);
    // The demo client (another tenant on this install) has workflow_runs_total; globex must not see it.
    expect(await res.text(), url).not.toContain("workflow_runs_total");
  }
  const demoNames = await request.get("/api/v1/label/__name__/values", {
    headers: { authorization: `Bearer ${f.globex.apiKey}` },
  });
  expect((await demoNames.json()).data).not.toContain("queue_depth");
});

test("an API key manages its own client's alert rules only", async ({ request }) => {
  const f = fixtures();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const created = await request.post("/api/v1/alert-rules", {
    headers: as(f.acme.apiKey),
    data: { name: `iso ${Date.now()}`, query: "up", comparator: "<", threshold: 1 },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const rule = `/api/v1/alert-rules/${id}`;
  expect((await request.get("/api/v1/alert-rules")).status()).toBe(401);
  expect((await request.get(rule)).status()).toBe(401);
  const listed = await (await request.get("/api/v1/alert-rules", { headers: as(f.globex.apiKey) })).json();
  expect(listed.map((r: { id: string }) => r.id)).not.toContain(id);
  expect((await request.get(rule, { headers: as(f.globex.apiKey) })).status()).toBe(404);
  const put = await request.put(rule, {
    headers: as(f.globex.apiKey),
    data: { name: "pwned", query: "up", comparator: "<", threshold: 1 },
  });
  expect(put.status()).toBe(404);
  expect((await request.delete(rule, { headers: as(f.globex.apiKey) })).status()).toBe(404);
  expect((await (await request.get(rule, { headers: as(f.acme.apiKey) })).json()).name).toMatch(/^iso /);
  expect((await request.delete(rule, { headers: as(f.acme.apiKey) })).status()).toBe(204);
});
