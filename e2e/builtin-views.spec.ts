// The built-in views need no setup: Business from events and System health from up-style
// metrics, both sent through the ingest API a moment before.
import { expect, test } from "@playwright/test";
import { fixtures, signIn } from "./helpers";

const auth = () => ({ Authorization: `Bearer ${fixtures().acme.apiKey}` });

test("Business shows events by name with values and top properties", async ({ page, request }) => {
  const now = Date.now();
  const events = [
    ...Array.from({ length: 6 }, (_, i) => ({
      name: "e2e_order_paid",
      timestamp: now - i * 60_000,
      userId: `u${i % 3}`,
      value: 10 + i,
      properties: { plan: i % 2 ? "pro" : "free" },
    })),
    { name: "e2e_signup", timestamp: now - 30_000, userId: "u9", properties: { plan: "pro" } },
  ];
  expect((await request.post("/api/v1/events", { headers: auth(), data: { events } })).status()).toBe(200);

  await signIn(page, "viewer@acme.test");
  await page.getByRole("link", { name: "Business" }).click();
  const table = page.getByRole("table", { name: "Events by name" });
  const paid = table.locator("tbody tr").filter({ hasText: "e2e_order_paid" });
  await expect(paid).toContainText("6"); // count
  await expect(paid).toContainText("75"); // 10 + 11 + … + 15
  await paid.getByRole("button", { name: "e2e_order_paid" }).click();
  await expect(page).toHaveURL(/event=e2e_order_paid/);
  const props = page.getByRole("table", { name: "Top properties" });
  await expect(props.locator("tbody tr")).toHaveCount(2);
  await expect(props).toContainText("plan");
  await page.screenshot({ path: "test-results/screens/business.png", fullPage: true });
});

test("System health shows up-style targets, down and silent first, and Telltale itself", async ({ page, request }) => {
  const now = Date.now();
  const points = (value: (i: number) => number) =>
    Array.from({ length: 20 }, (_, i) => [now - (19 - i) * 30_000, value(i)]);
  const series = [
    { name: "up", labels: { job: "e2e-api", instance: "a" }, points: points(() => 1) },
    { name: "up", labels: { job: "e2e-api", instance: "b" }, points: points((i) => (i > 15 ? 0 : 1)) },
    { name: "e2e_worker_up", labels: { worker: "mailer" }, points: points(() => 1) },
  ];
  expect((await request.post("/api/v1/metrics", { headers: auth(), data: { series } })).status()).toBe(200);

  await signIn(page, "viewer@acme.test");
  await page.getByRole("link", { name: "Health" }).click();
  const targets = page.getByRole("table", { name: "Targets" });
  const b = targets.locator("tbody tr").filter({ hasText: 'instance="b"' });
  await expect(b).toContainText("down");
  await expect(targets.locator("tbody tr").filter({ hasText: "e2e_worker_up" })).toContainText("up");
  await expect(page.getByRole("heading", { name: "Telltale", exact: true })).toBeVisible();
  await expect(page.locator(".facts")).toContainText("postgres");
  await page.screenshot({ path: "test-results/screens/health.png", fullPage: true });
});
