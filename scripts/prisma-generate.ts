// `prisma generate` without the native schema engine: generate does not use it, but the
// CLI looks for one; any existing file satisfies the check (TOOLCHAIN.md).
import { spawnSync } from "node:child_process";
import path from "node:path";

export function prismaGenerate(): void {
  const res = spawnSync(path.resolve("node_modules/.bin/prisma"), ["generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("package.json"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (res.status !== 0) throw new Error("prisma generate failed");
}

if (import.meta.url === `file://${process.argv[1]}`) prismaGenerate();
