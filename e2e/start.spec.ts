// `npm start` as a newcomer runs it: no DATABASE_URL, so an embedded PostgreSQL in DATA_DIR,
// a generated admin password printed once, demo data, the app on PORT; a restart keeps it all.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const PORT = 3200;
const running = new Set<ChildProcess>();

// A failed assertion must not leave an app or its database behind.
test.afterEach(async () => {
  for (const child of running) child.kill("SIGTERM");
  running.clear();
});
const baseURL = `http://localhost:${PORT}`;

function start(dataDir: string, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(PORT),
    EMBEDDED_PG_PORT: "54341",
    ...extraEnv,
  };
  for (const k of ["DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "ADMIN_EMAIL", "ADMIN_PASSWORD", "DEMO"])
    if (!(k in extraEnv)) delete env[k];
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], { env });
  running.add(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

async function waitForHealth(out: () => string, exited: Promise<number>) {
  let exitCode: number | undefined;
  void exited.then((c) => (exitCode = c));
  for (let i = 0; i < 240 && exitCode === undefined; i++) {
    const ok = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not come up:\n${out()}`);
}

async function stop(child: ChildProcess, exited: Promise<number>) {
  child.kill("SIGTERM");
  await exited;
  running.delete(child);
}

test.describe.configure({ timeout: 240_000 });

test("npm start runs on an embedded database with a first admin and demo data, and keeps them across restarts", async ({
  browser,
}) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "telltale-start-"));
  // As root, PostgreSQL runs as its own user, which must be able to enter DATA_DIR (mkdtemp makes it 0700).
  chmodSync(dataDir, 0o755);
  try {
    const first = start(dataDir);
    await waitForHealth(first.output, first.exited);
    const password = first.output().match(/password: (\S+)/)?.[1];
    expect(first.output()).toContain("email:    admin@telltale.local");
    expect(password).toBeTruthy();
    expect(first.output()).toMatch(/demo client seeded: \d+ samples, \d+ events, \d+ spans/);
    const health = await (await fetch(`${baseURL}/api/health`)).json();
    expect(health.db).toMatchObject({ ok: true, dialect: "postgres" });

    const page = await browser.newPage({ baseURL });
    await page.goto("/login");
    await page.getByLabel("Email").fill("admin@telltale.local");
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Northwind Automations (demo)" })).toBeVisible();
    await page.close();
    await stop(first.child, first.exited);

    const second = start(dataDir);
    await waitForHealth(second.output, second.exited);
    expect(second.output()).not.toContain("password:");
    expect(second.output()).not.toContain("demo client seeded");
    expect(second.output()).toContain("migrations applied now: 0");
    await stop(second.child, second.exited);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("npm start refuses bad configuration with a message naming the variable", async () => {
  const run = start(os.tmpdir(), { PORT: "not-a-port", DATABASE_URL: "mysql://nope" });
  expect(await run.exited).toBe(1);
  expect(run.output()).toContain("PORT: must be a number");
  expect(run.output()).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
});
