// Shared by `npm start` and `npm test`: build steps that must happen before the app
// code can be imported or served.
import { existsSync, readdirSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { prismaGenerate } from "../prisma-generate";

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child === "generated" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Generates the Prisma client when schema.prisma is newer than the generated code. */
export function ensurePrismaClient(): void {
  const generated = "lib/db/generated/client.ts";
  if (!existsSync(generated) || newestMtime("prisma/schema.prisma") > statSync(generated).mtimeMs) prismaGenerate();
}

const SOURCES = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json"];

/** Runs `next build` when there is no build or a source file changed since the last one. */
export function ensureNextBuild(force = false): void {
  const buildId = ".next/BUILD_ID";
  const stale = !existsSync(buildId) || Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs;
  if (!force && !stale) return;
  console.log("[telltale] building the app (next build)…");
  const res = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error("next build failed");
}
