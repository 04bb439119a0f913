// Once per `vitest run`: a migrated template database that every test file clones
// (CREATE DATABASE … TEMPLATE is far faster than migrating per file).
import pg from "pg";
import type { TestProject } from "vitest/node";
import { pgSql } from "@/lib/db/client";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { serverUrl, withDatabase } from "./server-url";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const template = `telltale_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const conn = new pg.Client({ connectionString: withDatabase(template) });
  await conn.connect();
  await migrate(pgSql(conn), await readMigrations());
  await conn.end();
  project.provide("templateDatabase", template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
