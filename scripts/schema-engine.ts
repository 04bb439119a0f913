// Prisma's WebAssembly schema engine, driven through the pg driver adapter. The Prisma CLI
// would download a native engine for `migrate`, which cannot happen offline (TOOLCHAIN.md);
// this engine runs the same diff logic in-process. Used for new migrations and the drift test.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");

// Introspection reads catalog columns of Postgres' internal "char" type (OID 18), which
// adapter-pg 7.10 rejects; they hold one-letter codes, so report them as text (OID 25).
type QueryResultLike = { fields?: { dataTypeID: number }[] };
function charAsText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of (r as QueryResultLike)?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
  }
  return result;
}
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error, res: unknown) => last(err, err ? res : charAsText(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return out instanceof Promise ? out.then(charAsText) : out;
  }
}

// adapter-pg 7.10 runs scripts by splitting them on ";", which breaks PL/pgSQL blocks
// (our time-series migration has one). The native engine sends the script whole; so do we.
type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
function wholeScripts(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    await adapter.underlyingDriver().query(script);
  };
  return adapter;
}

// One instance per process: the glue module caches views of the wasm memory, so a second
// instantiation behind the same (cached) glue would read stale memory.
let engineModule: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;
const loadEngineModule = () => (engineModule ??= instantiateEngineModule());

async function instantiateEngineModule() {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return glue as typeof import("@prisma/schema-engine-wasm");
}

/** Opens an engine on `connectionString` (diffs from migrations use a throwaway shadow database there). */
export async function openSchemaEngine(connectionString: string): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const url = new URL(connectionString);
  // Host, port and database passed separately: a connection string would override the shadow name.
  const config = (database: string) => ({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password),
    database,
    Client: CharAsTextClient,
  });
  const factory = new PrismaPg(config(url.pathname.slice(1)));
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wholeScripts(await connect());
  // adapter-pg 7.10 drops its shadow database while its own pool still holds it; own the lifecycle.
  factory.connectToShadowDb = async () => {
    const name = `telltale_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(config(url.pathname.slice(1)));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const pool = new pg.Pool(config(name));
    const shadow = wholeScripts(await new PrismaPg(pool).connect());
    shadow.dispose = async () => {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  return SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter);
}

export async function readMigrationList(): Promise<MigrationList> {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
  };
}

/** SQL that takes a database built by `migrations` to what schema.prisma describes ("" when in sync). */
export async function diffMigrationsToSchema(engine: SchemaEngine): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const result = await engine.diff({
    from: { tag: "migrations", ...(await readMigrationList()) },
    to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}
