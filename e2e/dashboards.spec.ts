// Dashboards end to end, against data sent through the ingest API: build one with a variable
// and two panels, watch a new series arrive live, zoom by dragging, drill down from the chart
// to the raw rows, reopen the shared URL, and import the exported JSON.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { fixtures, sessionFor, signIn } from "./helpers";

const METRIC = "e2e_dash_latency";

async function send(request: APIRequestContext, series: { labels: Record<string, string>; points: number[][] }[]) {
  const res = await request.post("/api/v1/metrics", {
    headers: { Authorization: `Bearer ${fixtures().acme.apiKey}` },
    data: { series: series.map((s) => ({ name: METRIC, ...s })) },
  });
  expect(res.status()).toBe(200);
}

/** 40 minutes, a sample every 30 s; /checkout jumps from 10 to 100 for the last 10 minutes. */
async function sendHistory(request: APIRequestContext) {
  const now = Date.now();
  const points = (value: (t: number) => number) =>
    Array.from({ length: 80 }, (_, i) => now - 40 * 60_000 + i * 30_000).map((t) => [t, value(t)]);
  await send(request, [
    { labels: { service: "api", route: "/checkout" }, points: points((t) => (t > now - 10 * 60_000 ? 100 : 10)) },
    { labels: { service: "api", route: "/search" }, points: points(() => 10) },
    { labels: { service: "web", route: "/home" }, points: points(() => 50) },
  ]);
}

/** A panel whose query is typed, or picked in the query builder. */
async function addPanel(page: Page, title: string, type: string, query: string | ((b: Locator) => Promise<void>)) {
  await page.getByRole("button", { name: "Add panel" }).click();
  const editor = page.getByRole("form", { name: "Panel settings" });
  await editor.getByLabel("Title").fill(title);
  await editor.getByLabel("Visualisation").selectOption(type);
  if (typeof query === "string") await editor.getByLabel("PromQL query").fill(query);
  else await query(editor.getByRole("group", { name: "Query builder" }));
  await editor.getByRole("button", { name: "Apply" }).click();
  await expect(editor).toHaveCount(0);
}

const lines = (page: Page, panel: string) =>
  page.locator(".panel").filter({ hasText: panel }).locator(".recharts-line path.recharts-curve");

test("a manager builds a dashboard, sees live data, zooms, drills down, shares and imports it", async ({
  page,
  request,
}) => {
  await sendHistory(request);
  await signIn(page, "manager@acme.test");
  await page.getByRole("link", { name: "Dashboards" }).click();
  const create = page.getByRole("form", { name: "New dashboard" });
  await create.getByLabel("Title").fill("E2E checkout");
  await create.getByRole("button", { name: "Create dashboard" }).click();
  await expect(page).toHaveURL(/\/acme\/dashboards\/[0-9a-f-]+\?edit=1/);

  const variable = page.getByRole("form", { name: "New variable" });
  await variable.getByLabel("Name").fill("service");
  await variable.getByLabel("Label").fill("service");
  await variable.getByLabel("Of series").fill(METRIC);
  await variable.getByRole("button", { name: "Add variable" }).click();
  await addPanel(page, "Latency by route", "timeseries", `avg by (route) (${METRIC}{service=~"$service"})`);
  await addPanel(page, "Total", "stat", async (builder) => {
    await builder.getByLabel("Metric").selectOption(METRIC);
    await builder.getByRole("button", { name: "Add a filter" }).click();
    await builder.getByLabel("Filter label").selectOption("service");
    await builder.getByLabel("Filter operator").selectOption("=~");
    await builder.getByLabel("Filter value").fill("$service");
    await builder.getByLabel("Aggregation").selectOption("sum");
    await expect(builder.locator("code")).toHaveText(`sum (${METRIC}{service=~"$service"})`);
    await builder.getByRole("button", { name: "Use this query" }).click();
  });
  await page.getByRole("button", { name: "Save dashboard" }).click();
  await expect(page.locator(".dashboard-toolbar").getByRole("button", { name: "Edit" })).toBeVisible();

  // The variable narrows every panel; the choice lives in the URL.
  await page.getByLabel("Variable service").selectOption("api");
  await expect(page).toHaveURL(/var-service=api/);
  await expect(lines(page, "Latency by route")).toHaveCount(2);
  await expect(page.locator(".panel").filter({ hasText: "Total" }).locator(".stat-value")).toContainText("110");

  // Live: a series that starts now appears without a reload.
  await page.getByLabel("Refresh").selectOption("live");
  await expect(page).toHaveURL(/refresh=live/);
  await send(request, [{ labels: { service: "api", route: "/live" }, points: [[Date.now(), 42]] }]);
  await expect(lines(page, "Latency by route")).toHaveCount(3);
  await page.screenshot({ path: "test-results/screens/dashboard.png", fullPage: true });

  // Sharing: the same URL in a fresh page shows the same view.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByLabel("Variable service")).toHaveValues(["api"]);
  await expect(lines(other, "Latency by route")).toHaveCount(3);
  await other.close();

  // Zoom: dragging across the chart fixes the window in the URL.
  await page.getByLabel("Refresh").selectOption("off");
  const chart = page.locator(".panel").filter({ hasText: "Latency by route" }).getByRole("application");
  const box = (await chart.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.75, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.97, y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=\d+&to=\d+/);
  await expect(lines(page, "Latency by route")).not.toHaveCount(0);

  // Drill-down: a click on the chart, the label that changed most, one series, its raw rows.
  await page.mouse.click(box.x + box.width * 0.9, y);
  await expect(page).toHaveURL(/\/acme\/drilldown\?/);
  const changed = page.getByRole("table", { name: "What changed most" });
  await expect(changed.locator("tbody tr").first()).toContainText("route");
  await expect(changed.locator("tbody tr").first()).toContainText("/checkout");
  await page.screenshot({ path: "test-results/screens/drilldown.png", fullPage: true });
  await changed.getByRole("button", { name: "Break down by route" }).click();
  await expect(page).toHaveURL(/by=route/);
  await page.getByRole("button", { name: 'Narrow to {route="/checkout"}' }).click();
  await expect(page).toHaveURL(/m=route%3D%2Fcheckout/);
  await page.getByRole("button", { name: "Raw samples" }).click();
  const raw = page.getByRole("table", { name: "Raw samples" });
  await expect(raw.locator("tbody tr").first()).toContainText('route="/checkout"');
  await expect(raw.locator("tbody tr").first()).toContainText("100");
  await page.screenshot({ path: "test-results/screens/drilldown-raw.png", fullPage: true });
  // The breadcrumbs lead back to the dashboard as it was.
  await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Latency by route" }).click();
  await expect(page).toHaveURL(/var-service=api/);

  // Export, then import the JSON as a new dashboard.
  const id = new URL(page.url()).pathname.split("/").pop();
  const exported = await (await page.request.get(`/api/v1/clients/acme/dashboards/${id}/export`)).text();
  await page.goto("/acme/dashboards");
  const importForm = page.getByRole("form", { name: "Import dashboard" });
  await importForm.getByLabel("Dashboard JSON").fill(exported);
  await importForm.getByRole("button", { name: "Import dashboard" }).click();
  // The import opens the new dashboard: the same panels under a free title.
  await expect(page.getByRole("heading", { name: "E2E checkout (imported)" })).toBeVisible();
  await expect(page.locator(".dashboard-grid .panel")).toHaveCount(2);
});

test("a heatmap panel draws histogram buckets over time", async ({ page, request }) => {
  const now = Date.now();
  const bucket = (le: string, perStep: number) => ({
    name: "e2e_heat_duration_seconds_bucket",
    labels: { le },
    points: Array.from({ length: 30 }, (_, i) => [now - (29 - i) * 30_000, i * perStep]),
  });
  const sent = await request.post("/api/v1/metrics", {
    headers: { Authorization: `Bearer ${fixtures().acme.apiKey}` },
    data: { series: [bucket("0.1", 5), bucket("0.5", 8), bucket("1", 9), bucket("+Inf", 10)] },
  });
  expect(sent.status()).toBe(200);
  const session = await sessionFor(test.info().project.use.baseURL!, "manager@acme.test");
  const created = await session.post("/api/v1/clients/acme/dashboards", {
    data: {
      title: "E2E heatmap",
      definition: {
        range: "1h",
        panels: [
          {
            id: "heat",
            title: "Latency heatmap",
            type: "heatmap",
            query: "sum by (le) (rate(e2e_heat_duration_seconds_bucket[1m]))",
            layout: { x: 0, y: 0, w: 12, h: 8 },
            options: { unit: "s" },
          },
        ],
      },
    },
  });
  expect(created.status()).toBe(201);
  await signIn(page, "viewer@acme.test");
  await page.goto(`/acme/dashboards/${(await created.json()).id}`);
  const map = page.getByRole("img", { name: "Latency heatmap" });
  await expect(map.locator("rect").first()).toBeVisible();
  await expect(map).toContainText("≤ 100 ms");
  await page.screenshot({ path: "test-results/screens/heatmap.png" });

  // An absolute window: from and to as local dates and times; a bad one says why.
  const local = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByLabel("Range").selectOption("absolute");
  const absolute = page.getByRole("form", { name: "Absolute time range" });
  await absolute.getByLabel("From").fill(local(now));
  await absolute.getByLabel("To").fill(local(now - 20 * 60_000));
  await absolute.getByRole("button", { name: "Apply" }).click();
  await expect(absolute.getByRole("alert")).toHaveText("To must come after from");
  await absolute.getByLabel("From").fill(local(now - 20 * 60_000));
  await absolute.getByLabel("To").fill(local(now));
  await absolute.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=\d+&to=\d+/);
  await expect(map.locator("rect").first()).toBeVisible();
});
