// Alerting beyond thresholds, in the browser: a rate-of-change rule made in the form and
// backtested; escalation seen stopping on the incident page when a manager acknowledges;
// a recurring maintenance window; the Mail page with the outbox and a test notification.
import { expect, test } from "@playwright/test";
import { fixtures, sessionFor, signIn } from "./helpers";

test("an admin makes a rate-of-change rule and backtests it over a week", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/acme/alerts");
  const form = page.getByRole("form", { name: "New alert rule" });
  await form.getByLabel("Name").fill("Signups jump");
  await form.getByLabel("Kind").selectOption("change");
  await form.getByLabel("PromQL query").fill("sum(demo_http_requests_total)");
  await form.getByLabel("Fires when the change is").selectOption(">");
  await form.getByLabel("Threshold (%)").fill("50");
  await form.getByLabel("Compared with (s ago)").fill("");
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(form.getByText("Compare with the value how long ago?")).toBeVisible();
  await form.getByLabel("Compared with (s ago)").fill("3600");
  await form.getByRole("button", { name: "Backtest over 7 days" }).click();
  await expect(form.getByText(/Would have fired \d+ times?/)).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(form.getByRole("status")).toContainText("is live");
  const row = page.getByRole("row").filter({ hasText: "Signups jump" });
  await expect(row).toContainText("Rate of change");
  await expect(row).toContainText("change > 50 % over 1 h");
  await page.screenshot({ path: "test-results/screens/alert-kinds.png", fullPage: true });

  // Edit it: the form opens with the rule's settings; saving changes the rule in place.
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("form", { name: "Edit alert rule" });
  await expect(edit.getByLabel("Compared with (s ago)")).toHaveValue("3600");
  await edit.getByLabel("Threshold (%)").fill("80");
  await edit.getByLabel("Evaluate this rule (clear to pause it)").uncheck();
  await edit.getByRole("button", { name: "Save rule" }).click();
  await expect(row).toContainText("change > 80 % over 1 h");
  await expect(row).toContainText("paused");
  await expect(page.getByRole("form", { name: "New alert rule" })).toBeVisible();
});

test("acknowledging stops escalation, and the incident page shows it", async ({ page, baseURL, request }) => {
  const admin = await sessionFor(baseURL!, "admin@acme.test");
  const policy = await admin.post("/api/v1/clients/acme/escalation-policies", {
    data: {
      name: "High severity",
      severities: ["high"],
      steps: [
        { delaySeconds: 0, emails: ["first@acme.test"] },
        { delaySeconds: 600, emails: ["second@acme.test"] },
      ],
    },
  });
  expect(policy.status()).toBe(201);
  const key = { Authorization: `Bearer ${fixtures().acme.apiKey}` };
  const rule = await request.post("/api/v1/alert-rules", {
    headers: key,
    data: {
      name: "Backlog high",
      query: "e2e_backlog",
      comparator: ">",
      threshold: 10,
      severity: "high",
      intervalSeconds: 5,
    },
  });
  expect(rule.status()).toBe(201);
  const sent = await request.post("/api/v1/metrics", {
    headers: key,
    data: { series: [{ name: "e2e_backlog", labels: { queue: "sync" }, points: [[Date.now(), 50]] }] },
  });
  expect(sent.status()).toBe(200);

  await signIn(page, "manager@acme.test");
  await page.goto("/acme/incidents");
  const row = page.getByRole("row").filter({ hasText: "Backlog high" });
  await expect(row).toContainText("firing", { timeout: 30_000 });
  await row.getByRole("link", { name: "Backlog high" }).click();
  const steps = page.getByRole("list", { name: "Escalation steps" });
  await expect(steps.getByRole("listitem").nth(0)).toContainText("notified", { timeout: 15_000 });
  await expect(steps.getByRole("listitem").nth(0)).toContainText("first@acme.test");
  await expect(steps.getByRole("listitem").nth(1)).toContainText("upcoming");
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(steps.getByRole("listitem").nth(1)).toContainText("stopped: acknowledged");
  await expect(steps.getByRole("listitem").nth(1)).toContainText("second@acme.test");
  await expect(page.getByRole("link", { name: "Investigate this series in Explore →" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/incident-escalation.png", fullPage: true });

  // The drill-down link opens Explore on that series, on the window around it.
  await page.getByRole("link", { name: "Investigate this series in Explore →" }).click();
  await expect(page.getByLabel("PromQL query")).toHaveText(/and on\(queue\)/);
  await expect(page.locator(".explore-table")).toContainText('queue="sync"');
});

test("a manager sets a recurring maintenance window", async ({ page }) => {
  await signIn(page, "manager@acme.test");
  await page.goto("/acme/incidents");
  const form = page.getByRole("form", { name: "New silence" });
  await form.getByLabel("Matchers").fill('{alertname="Backups late"}');
  await form.getByLabel("Recurring maintenance window").check();
  await form.getByLabel("Opens at (cron)").fill("0 2 * *");
  await form.getByRole("button", { name: "Silence" }).click();
  await expect(form.getByText("Five fields")).toBeVisible();
  await form.getByLabel("Opens at (cron)").fill("0 2 * * 0");
  await form.getByLabel("Time zone").fill("Europe/Berlin");
  await form.getByLabel("Each window lasts").selectOption({ label: "4 hours" });
  await form.getByRole("button", { name: "Silence" }).click();
  await expect(form.getByRole("status")).toContainText("Maintenance window set");
  const row = page.getByRole("row").filter({ hasText: "Backups late" });
  await expect(row).toContainText("0 2 * * 0 for 4 h (Europe/Berlin)");
});

test("the Mail page shows the outbox and sends a test to a channel", async ({ page }) => {
  await signIn(page, "manager@acme.test");
  await page.getByRole("link", { name: "Mail" }).first().click();
  await expect(page.getByRole("heading", { name: "Mail" })).toBeVisible();
  await expect(page.getByText("SMTP is not configured")).toBeVisible();
  const channel = page.getByRole("row").filter({ hasText: "first@acme.test" });
  await channel.getByRole("button", { name: "Send test" }).click();
  const test = page.getByRole("row").filter({ hasText: "[TEST] Telltale notification" }).first();
  await expect(test).toContainText("pending");
  await test.getByRole("button").click();
  await expect(page.frameLocator("iframe[title^='Message:']").getByText("This is a test notification")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/mail.png", fullPage: true });
});
