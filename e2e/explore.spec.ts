// Explore: ad-hoc PromQL in the browser, against data sent through the ingest API a moment
// before; the query lives in the URL, and a bad query says what is wrong with it.
import { expect, test } from "@playwright/test";
import { fixtures, signIn } from "./helpers";

test("a viewer charts a metric just ingested, shares the URL, and reads why a query is wrong", async ({
  page,
  request,
}) => {
  const now = Date.now();
  // The newest a minute old: the last step (aligned down to 15 s) is after it, within the lookback.
  const points = (base: number) => Array.from({ length: 20 }, (_, i) => [now - 60_000 - (19 - i) * 30_000, base + i]);
  const sent = await request.post("/api/v1/metrics", {
    headers: { Authorization: `Bearer ${fixtures().acme.apiKey}` },
    data: {
      series: [
        { name: "e2e_explore_queue_depth", labels: { queue: "emails" }, points: points(10) },
        { name: "e2e_explore_queue_depth", labels: { queue: "invoices" }, points: points(40) },
      ],
    },
  });
  expect(sent.status()).toBe(200);

  await signIn(page, "viewer@acme.test");
  await page.getByRole("link", { name: "Explore" }).click();
  await expect(page.getByRole("heading", { name: "Explore" })).toBeVisible();
  await page.getByLabel("PromQL query").fill("e2e_explore_queue_depth");
  await page.getByRole("button", { name: "Run query" }).click();

  await expect(page).toHaveURL(/q=e2e_explore_queue_depth/);
  const rows = page.locator(".explore-table tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('queue="invoices"');
  await expect(rows.first()).toContainText("59");
  await expect(page.locator(".recharts-line")).toHaveCount(2);
  await page.screenshot({ path: "test-results/screens/explore.png", fullPage: true });

  // The same URL, opened again, shows the same view.
  await page.reload();
  await expect(page.getByLabel("PromQL query")).toHaveText("e2e_explore_queue_depth");
  await expect(rows).toHaveCount(2);

  // Completion of metric names, then of the metric's label names, from this client's series.
  const editor = page.getByLabel("PromQL query");
  await editor.fill("");
  await editor.pressSequentially("e2e_explore_qu");
  const option = page.locator(".cm-tooltip-autocomplete li").filter({ hasText: "e2e_explore_queue_depth" });
  await option.click();
  await expect(editor).toHaveText("e2e_explore_queue_depth");
  await editor.pressSequentially("{");
  await expect(page.locator(".cm-tooltip-autocomplete")).toContainText("queue");
  await page.screenshot({ path: "test-results/screens/explore-completion.png" });
  await page.keyboard.press("Escape");

  // The same query as another kind of panel, and on into the drill-down.
  await page.getByLabel("Show as").selectOption("stat");
  await expect(page).toHaveURL(/viz=stat/);
  await expect(page.locator(".stat-value")).toHaveText("88"); // 59 + 29, the latest of each
  await page.getByRole("link", { name: /Drill down/ }).click();
  await expect(page).toHaveURL(/\/acme\/drilldown\?q=e2e_explore_queue_depth/);
  await expect(page.getByRole("table", { name: "What changed most" })).toContainText("queue");
  await page.goBack();

  await page.getByLabel("PromQL query").fill("sum by (queue) (e2e_explore_queue_depth");
  await page.getByLabel("PromQL query").press("Control+Enter");
  await expect(page.locator(".alert[role=alert]")).toContainText("parse error");
  await page.screenshot({ path: "test-results/screens/explore-error.png" });
});
