import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `generate` here (see scripts/prisma-generate.ts);
// migrations are applied by lib/db/migrate.ts. The URL is only read by CLI commands.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
