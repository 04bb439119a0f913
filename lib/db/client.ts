// One pg pool per process, shared by Prisma (through its driver adapter) and by the raw
// time-series SQL, so both count against the same connection budget.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

type Db = { pool: pg.Pool; prisma: PrismaClient };
const holder = globalThis as unknown as { __telltaleDb?: Db };

export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    // JIT compiling pays off for long analytical scans, not for the many short statements
    // here: on a large partitioned table its compile time alone was ~100-400 ms per query.
    options: "-c jit=off",
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function db(): Db {
  if (!holder.__telltaleDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    holder.__telltaleDb = createDb(url);
  }
  return holder.__telltaleDb;
}

export const getPool = (): pg.Pool => db().pool;

/** Ends the process-wide pool (scripts and tests, before they exit). */
export async function closeDb(): Promise<void> {
  const current = holder.__telltaleDb;
  holder.__telltaleDb = undefined;
  if (current) {
    await current.prisma.$disconnect();
    await current.pool.end();
  }
}
export const getPrisma = (): PrismaClient => db().prisma;

/** node-postgres as the Sql interface (a script runs through the simple query protocol). */
export function pgSql(pool: pg.Pool | pg.Client) {
  return {
    query: <R extends Record<string, unknown>>(text: string, params?: unknown[]) =>
      pool.query<R>(text, params as unknown[]).then((r) => ({ rows: r.rows, rowCount: r.rowCount })),
    /** Rows as value arrays, in column order: no per-row objects for large reads. */
    queryArrays: (text: string, params?: unknown[]) =>
      pool.query({ text, values: params, rowMode: "array" }).then((r) => r.rows as unknown[][]),
    copyOut: async (copyStatement: string) => {
      const client = pool instanceof pg.Pool ? await pool.connect() : pool;
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of client.query(copyTo(copyStatement))) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      } finally {
        if (pool instanceof pg.Pool) (client as pg.PoolClient).release();
      }
    },
    exec: async (script: string) => {
      await pool.query(script);
    },
  };
}
