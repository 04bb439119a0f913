// The migration history is the schema's source of truth on disk: applied to an empty
// database it must yield exactly what schema.prisma describes, and be a history that
// Prisma's own engine (what `prisma migrate deploy` runs) considers fully applied.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema, openSchemaEngine, readMigrationList } from "@/scripts/schema-engine";
import { serverUrl, withDatabase } from "@/test/server-url";
import { pgSql } from "./client";
import { checksumOf, migrate, readMigrations } from "./migrate";

const name = `telltale_migrate_${process.pid}`;
let conn: pg.Client;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  conn = new pg.Client({ connectionString: withDatabase(name) });
  await conn.connect();
});

afterAll(async () => {
  await conn.end();
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe("migrations", () => {
  it("apply to an empty database once, and are recorded with sha256 checksums", async () => {
    const migrations = await readMigrations();
    const first = await migrate(pgSql(conn), migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const again = await migrate(pgSql(conn), migrations);
    expect(again).toEqual({ applied: [], alreadyApplied: migrations.length });

    const { rows } = await conn.query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS done, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      migrations.map((m) => ({
        migration_name: m.name,
        checksum: checksumOf(m.sql),
        done: true,
        applied_steps_count: 1,
      })),
    );
  });

  it("create the time-series tables, partitioned by time on plain PostgreSQL", async () => {
    const { rows } = await conn.query(
      `SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'series' AND c.relname IN ('metric_series','metric_samples','events','spans') ORDER BY 1`,
    );
    // 'p' = partitioned table, 'r' = ordinary table (the series dictionary).
    expect(rows).toEqual([
      { relname: "events", relkind: "p" },
      { relname: "metric_samples", relkind: "p" },
      { relname: "metric_series", relkind: "r" },
      { relname: "spans", relkind: "p" },
    ]);
  });

  it("describe exactly schema.prisma (no drift)", async () => {
    const engine = await openSchemaEngine(withDatabase(name));
    try {
      expect(await diffMigrationsToSchema(engine)).toBe("");
    } finally {
      engine.free();
    }
  });

  it("form a history Prisma's own engine accepts as applied and unedited (what migrate deploy checks)", async () => {
    const engine = await openSchemaEngine(withDatabase(name));
    const filters = { externalTables: [], externalEnums: [] };
    try {
      const list = await readMigrationList();
      expect(
        await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters }),
      ).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
      // The check is real: an edited file is noticed through Prisma's checksum.
      const first = list.migrationDirectories[0];
      const edited = {
        ...list,
        migrationDirectories: [
          { ...first, migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: "-- edited" } } },
          ...list.migrationDirectories.slice(1),
        ],
      };
      const diag = await engine.diagnoseMigrationHistory({
        migrationsList: edited,
        optInToShadowDatabase: false,
        filters,
      });
      expect(diag.editedMigrationNames).toEqual([first.path]);
    } finally {
      engine.free();
    }
  });
});
