// The smallest interface both node-postgres and PGlite satisfy, so the migration runner
// and the dialect module run unchanged on PostgreSQL, TimescaleDB and the PGlite test build.
export type Row = Record<string, unknown>;

export interface Sql {
  /** rowCount: rows written by INSERT/UPDATE/DELETE (what RETURNING would list, without shipping it). */
  query<R extends Row = Row>(text: string, params?: unknown[]): Promise<{ rows: R[]; rowCount?: number | null }>;
  /** Rows as value arrays in column order, where the driver can skip building row objects. */
  queryArrays?(text: string, params?: unknown[]): Promise<unknown[][]>;
  /** The bytes of `COPY (…) TO STDOUT (FORMAT binary)` (COPY takes no parameters), where the driver streams COPY. */
  copyOut?(copyStatement: string): Promise<Buffer>;
}

/** Sql that can also run a multi-statement script (migration files). */
export interface ScriptSql extends Sql {
  exec(script: string): Promise<void>;
}
