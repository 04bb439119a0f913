import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";

export type Fixtures = {
  password: string;
  superAdmin: string;
  databaseUrl: string;

  acme: { apiKey: string; apiKeyId: string; memberId: string };
  globex: { apiKey: string; apiKeyId: string; memberId: string };
};

// Written by scripts/e2e-server.ts before the server answers, so read it lazily.
export const fixtures = (): Fixtures => JSON.parse(readFileSync(path.resolve("e2e/.fixtures.json"), "utf8"));

/** Signs in through the login form and waits until the app has taken the user in. */
export async function signIn(page: Page, email: string, password = fixtures().password) {
  await submitLogin(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Fills and submits the login form, without assuming it succeeds. */
export async function submitLogin(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** An API client holding a next-auth session cookie for `email`. */
export async function sessionFor(
  baseURL: string,
  email: string,
  password = fixtures().password,
): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  const session = await (await ctx.get("/api/auth/session")).json();
  expect(session?.user?.email, `sign-in as ${email}`).toBe(email);
  return ctx;
}

/** The form's own alert (Next adds an empty role=alert route announcer to every page). */
export const formAlert = (page: Page) => page.locator(".alert[role=alert]");
