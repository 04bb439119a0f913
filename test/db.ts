// Gives a test file its own database, cloned from the migrated template, and points the
// app's shared pool (DATABASE_URL) at it. Dropped when the file ends.
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/lib/db/client";
import { setEnv } from "@/lib/env";
import { serverUrl, withDatabase } from "./server-url";

export function useTestDatabase(): { url: () => string } {
  const name = `telltale_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let url = "";
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
    await admin.end();
    url = withDatabase(name);
    setEnv({ DATABASE_URL: url });
  });
  afterAll(async () => {
    await closeDb();
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return { url: () => url };
}
