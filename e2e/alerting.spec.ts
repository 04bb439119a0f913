// Alerting in the browser: an admin creates a rule in the form, data sent through the
// ingest API makes it fire (the server's own scheduler evaluates it), and a manager
// acknowledges the incident from its page; the timeline records who did what.
import { expect, test } from "@playwright/test";
import { fixtures, signIn } from "./helpers";

test("create a rule, see it fire from ingested data, acknowledge the incident", async ({ page, request }) => {
  const name = `Queue too deep ${Date.now()}`;
  await signIn(page, "admin@acme.test");
  await page.goto("/acme/alerts");
  const form = page.getByRole("form", { name: "New alert rule" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("PromQL query").fill("e2e_alert_queue_depth");
  await form.getByLabel("Fires when the value is").selectOption(">");
  await form.getByLabel("Threshold").fill("100");
  await form.getByLabel("For (s)").fill("0");
  await form.getByLabel("Every (s)").fill("5");
  await form.getByLabel("Summary").fill("{{ $labels.queue }} has {{ $value }} jobs waiting");
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(form.getByRole("status")).toContainText("is live");
  await expect(page.getByRole("cell", { name: name })).toBeVisible();

  const sent = await request.post("/api/v1/metrics", {
    headers: { Authorization: `Bearer ${fixtures().acme.apiKey}` },
    data: { series: [{ name: "e2e_alert_queue_depth", labels: { queue: "emails" }, points: [[Date.now(), 150]] }] },
  });
  expect(sent.status()).toBe(200);
  // The preview draws the query over the last day with the threshold.
  await page.screenshot({ path: "test-results/screens/alerts.png", fullPage: true });

  await page.getByRole("link", { name: "Incidents" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("firing", { timeout: 30_000 });
  await row.getByRole("link", { name }).click();
  await expect(page.getByText("emails has 150 jobs waiting")).toBeVisible();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.locator(".badge.state-acknowledged")).toBeVisible();
  await expect(page.locator(".timeline").first()).toContainText("acknowledged");
  await expect(page.locator(".timeline").first()).toContainText("by acme admin");
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/incident.png", fullPage: true });
});

test("an admin sets up escalation: steps with delays and targets, per severity", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/acme/alerts");
  const form = page.getByRole("form", { name: "New escalation policy" });
  await form.getByLabel("Name").fill("Paging");
  await form.getByRole("button", { name: "Add a step" }).click();
  await form.getByLabel("Email addresses").nth(1).fill("not-an-address");
  await form.getByRole("button", { name: "Create policy" }).click();
  await expect(form.getByText("An email address")).toBeVisible();
  await form.getByLabel("Email addresses").nth(1).fill("cto@acme.test, oncall@acme.test");
  await form.getByRole("checkbox", { name: "acme viewer" }).nth(1).check(); // a member by name
  await form
    .getByLabel("Webhooks")
    .nth(1)
    .fill("slack https://hooks.example.test/T1\nwebhook https://ops.example.test/hook a-long-signing-secret-1");
  await form.getByRole("button", { name: "Create policy" }).click();
  await expect(form.getByRole("status")).toContainText("now handles critical incidents");
  const row = page.getByRole("row").filter({ hasText: "Paging" });
  await expect(row).toContainText("at once: managers");
  await expect(row).toContainText(
    "+300 s: viewer@acme.test, cto@acme.test, oncall@acme.test, slack hooks.example.test, webhook ops.example.test (signed)",
  );
  await page.screenshot({ path: "test-results/screens/escalation.png", fullPage: true });
});

test("a manager silences a series for planned work and ends the silence early", async ({ page }) => {
  await signIn(page, "manager@acme.test");
  await page.goto("/acme/incidents");
  const form = page.getByRole("form", { name: "New silence" });
  await form.getByLabel("Matchers").fill("host=db1");
  await form.getByRole("button", { name: "Silence" }).click();
  await expect(form.locator(".field .error")).toBeVisible();
  await form.getByLabel("Matchers").fill('{alertname="Disk full", host="db1"}');
  await form.getByLabel("For").selectOption({ label: "4 hours" });
  await form.getByLabel("Why").fill("Resizing the volume");
  await form.getByRole("button", { name: "Silence" }).click();
  await expect(form.getByRole("status")).toContainText("Silenced until");
  const row = page.getByRole("row").filter({ hasText: "Resizing the volume" });
  await expect(row.locator(".badge")).toHaveText("active");
  await page.screenshot({ path: "test-results/screens/silences.png", fullPage: true });
  await row.getByRole("button", { name: "End now" }).click();
  await expect(row.locator(".badge")).toHaveText("ended");
});
