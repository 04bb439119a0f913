import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { getPool, pgSql } from "./client";
import { bucketExpression, detectDialect, maintainStorage, SERIES_TABLES, wantedPartitions } from "./dialect";

describe("wantedPartitions", () => {
  it("covers retention back and a few days ahead, one per UTC day", () => {
    const now = new Date("2026-12-03T15:00:00Z");
    const parts = wantedPartitions("events", { retentionDays: 2, daysAhead: 1, now });
    expect(parts.map((p) => p.name)).toEqual([
      "events_p20261201",
      "events_p20261202",
      "events_p20261203",
      "events_p20261204",
    ]);
    expect(parts[0].from.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parts[3].to.toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });
});

describe("bucketExpression", () => {
  it("uses time_bucket on TimescaleDB and date_bin on PostgreSQL, from the same origin", () => {
    expect(bucketExpression("timescale", "time", "$2")).toContain(
      "time_bucket($2::interval, time, TIMESTAMPTZ '2000-01-03",
    );
    expect(bucketExpression("postgres", "time", "$2")).toContain(
      "date_bin($2::interval, time, TIMESTAMPTZ '2000-01-03",
    );
  });
});

describe("maintainStorage on PostgreSQL", () => {
  useTestDatabase();

  it("creates partitions ahead, drops expired ones, and keeps rows inside retention", async () => {
    const sql = pgSql(getPool());
    expect(await detectDialect(sql)).toBe("postgres");
    const day0 = new Date("2026-06-10T12:00:00Z");
    const first = await maintainStorage(sql, "postgres", { retentionDays: 2, daysAhead: 1, now: day0 });
    // Four days (2 back, today, 1 ahead) for each series table.
    expect(first).toEqual({ created: 4 * SERIES_TABLES.length, dropped: 0 });

    const tenant = await sql.query<{ id: string }>(
      `INSERT INTO clients (id, slug, name, updated_at) VALUES (gen_random_uuid(), 'p', 'P', now()) RETURNING id`,
    );
    const clientId = tenant.rows[0].id;
    await sql.query(
      `INSERT INTO series.events (client_id, time, name) VALUES ($1, '2026-06-08T01:00:00Z', 'old'), ($1, '2026-06-10T01:00:00Z', 'new')`,
      [clientId],
    );
    // Outside every partition: refused by the database, not silently kept.
    await expect(
      sql.query(`INSERT INTO series.events (client_id, time, name) VALUES ($1, '2025-01-01T00:00:00Z', 'x')`, [
        clientId,
      ]),
    ).rejects.toThrow(/no partition/);

    // Two days later the 8th is past retention: its partition (and row) go, new days appear.
    const later = await maintainStorage(sql, "postgres", {
      retentionDays: 2,
      daysAhead: 1,
      now: new Date("2026-06-12T12:00:00Z"),
    });
    expect(later).toEqual({ created: 2 * SERIES_TABLES.length, dropped: 2 * SERIES_TABLES.length });
    const { rows } = await sql.query<{ name: string }>(`SELECT name FROM series.events ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(["new"]);

    expect(
      await maintainStorage(sql, "postgres", { retentionDays: 2, daysAhead: 1, now: new Date("2026-06-12T12:00:00Z") }),
    ).toEqual({ created: 0, dropped: 0 });
  });
});
