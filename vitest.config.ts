import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,scripts,app,test}/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Each file gets its own process (and its own database, see test/db.ts).
    pool: "forks",
    // Notices are due at once unless a test is about grouping (it sets its own wait).
    env: { ALERT_GROUP_WAIT_SECONDS: "0" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
