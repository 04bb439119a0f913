// `npm run db:migration -- <name>`: writes the next migration (schema.prisma minus the
// existing history) as prisma/migrations/<timestamp>_<name>/migration.sql, the way
// `prisma migrate dev --create-only` would, using the WebAssembly schema engine.
// Needs a PostgreSQL server for the throwaway shadow database: DATABASE_URL or TEST_DATABASE_URL.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../lib/env";
import { diffMigrationsToSchema, MIGRATIONS_DIR, openSchemaEngine } from "./schema-engine";

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migration -- <snake_case_name>");
  const url = env().DATABASE_URL ?? env().TEST_DATABASE_URL;
  if (!url)
    throw new Error("set DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server (used for a shadow database)");
  const engine = await openSchemaEngine(url);
  const sql = await diffMigrationsToSchema(engine);
  engine.free();
  if (!sql) {
    console.log("schema.prisma matches the migrations: nothing to write");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
