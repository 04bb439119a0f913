import { expect, test } from "@playwright/test";
import { fixtures, signIn } from "./helpers";

test("a super admin creates a client, adds a member, creates and revokes an API key, and signs out", async ({
  page,
  request,
}) => {
  await signIn(page, fixtures().superAdmin);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.goto("/admin/clients");
  const create = page.getByRole("form", { name: "Create client" });
  await create.getByLabel("Name").fill("Initech");
  await create.getByLabel("Slug").fill("Not A Slug");
  await create.getByRole("button", { name: "Create client" }).click();
  await expect(create.getByText("Lowercase letters, digits and single dashes")).toBeVisible();
  await create.getByLabel("Slug").fill("initech");
  await create.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Created Initech.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Initech", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/admin-clients.png", fullPage: true });

  await page.goto("/initech/settings/members");
  const add = page.getByRole("form", { name: "Add member" });
  await add.getByLabel("Email").fill("peter@initech.test");
  await add.getByLabel("Role").selectOption("manager");
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(add.getByText("give a name and a first password")).toBeVisible();
  await add.getByLabel("Name (new accounts)").fill("Peter Gibbons");
  await add.getByLabel("First password (new accounts)").fill("tps-reports-123");
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("Added peter@initech.test as manager.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Peter Gibbons" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/members.png", fullPage: true });

  await page.goto("/initech/settings/api-keys");
  const keyForm = page.getByRole("form", { name: "Create API key" });
  await keyForm.getByLabel("Name").fill("prometheus-prod");
  await keyForm.getByLabel("read").check();
  await keyForm.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^tt_/);
  await page.screenshot({ path: "test-results/screens/api-keys.png", fullPage: true });

  const who = await request.get("/api/v1/whoami", { headers: { authorization: `Bearer ${key}` } });
  expect(await who.json()).toEqual({ client: "initech", scopes: ["ingest", "read"] });

  // Shown once: after a reload only the prefix remains.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("revoked")).toBeVisible();
  const refused = await request.get("/api/v1/whoami", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "unauthorized", message: "The API key has been revoked" } });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/initech");
  await expect(page).toHaveURL(/\/login/);
});

test("the demo client's overview shows its history", async ({ page }) => {
  await signIn(page, fixtures().superAdmin);
  await page.goto("/demo");
  await expect(page.getByRole("heading", { name: "Northwind Automations (demo)" })).toBeVisible();
  await expect(page.locator(".stat .value").first()).not.toHaveText("0");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/overview.png", fullPage: true });
});

test("a client admin sets the ingest policy in a form with field-level errors", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.getByRole("link", { name: "Ingest & sampling" }).click();
  const form = page.getByRole("form", { name: "Ingest policy" });
  await expect(form.getByText("uses the install's defaults")).toBeVisible();
  await form.getByLabel("Trace sample ratio").fill("0");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByText("Above 0")).toBeVisible();
  await form.getByLabel("Trace sample ratio").fill("0.25");
  await form.getByLabel("Series in all").fill("5000");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Saved. Ingest applies it within 10 seconds.")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/ingest-policy.png", fullPage: true });
  await page.reload();
  await expect(form.getByLabel("Trace sample ratio")).toHaveValue("0.25");
  await expect(form.getByLabel("Series in all")).toHaveValue("5000");
});
