import { expect, test } from "@playwright/test";
import { fixtures, formAlert, signIn, submitLogin } from "./helpers";

test("a wrong password is refused with a message that does not reveal whether the email exists", async ({ page }) => {
  await submitLogin(page, "admin@acme.test", "not-the-password");
  await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  await submitLogin(page, "nobody@nowhere.test", "not-the-password");
  await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: "test-results/screens/login-error.png" });
});

test("an account is locked after repeated failures", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await submitLogin(page, "lockout@e2e.test", `wrong-${i}`);
    await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  }
  await submitLogin(page, "lockout@e2e.test", fixtures().password);
  await expect(formAlert(page)).toContainText("Too many sign-in attempts");
});

test("a viewer reads the overview but cannot reach admin pages", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  await expect(page).toHaveURL(/\/acme$/);
  await expect(page.getByRole("heading", { name: "Acme Inc" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  for (const path of ["/acme/settings", "/acme/settings/members", "/acme/settings/api-keys", "/admin/clients"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  }
  await page.screenshot({ path: "test-results/screens/no-access.png" });
  // Another client's pages do not exist for this user.
  const res = await page.goto("/globex");
  expect(res?.status()).toBe(404);
});

test("signed-out visitors are sent to the login page", async ({ page }) => {
  await page.goto("/acme/settings/members");
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: "test-results/screens/login.png" });
  expect(fixtures().superAdmin).toBe("root@e2e.test");
});
