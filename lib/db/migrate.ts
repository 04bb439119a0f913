// Applies prisma/migrations in order and records them in _prisma_migrations exactly as
// `prisma migrate deploy` does (same table, sha256 checksums), so either tool can take over.
// The Prisma CLI itself cannot migrate on offline machines (TOOLCHAIN.md).
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { ScriptSql } from "./sql";

export type Migration = { name: string; sql: string; checksum: string };

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK_KEY = 72_707_001;

export const checksumOf = (sql: string) => createHash("sha256").update(sql).digest("hex");

export async function readMigrations(dir = path.resolve("prisma/migrations")): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

export type MigrateResult = { applied: string[]; alreadyApplied: number };

/** Applies pending migrations under an advisory lock, so concurrent starts cannot race. */
export async function migrate(sql: ScriptSql, migrations: Migration[]): Promise<MigrateResult> {
  await sql.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await sql.exec(MIGRATIONS_TABLE);
    const { rows } = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row && !row.finished_at) {
        throw new Error(`Migration ${m.name} failed earlier; fix the database and mark it rolled back first`);
      }
      if (row && row.checksum !== m.checksum) {
        console.warn(`[migrate] ${m.name} was edited after it was applied (checksum differs)`);
      }
    }
    const pending = migrations.filter((m) => !done.has(m.name));
    for (const m of pending) {
      const id = randomUUID();
      await sql.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
        id,
        m.checksum,
        m.name,
      ]);
      try {
        await sql.exec(`BEGIN;\n${m.sql}\n;COMMIT;`);
      } catch (err) {
        await sql.exec("ROLLBACK").catch(() => {});
        await sql.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(err)]);
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      await sql.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
        id,
      ]);
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length };
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}
