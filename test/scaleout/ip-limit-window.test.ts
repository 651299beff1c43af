import { afterAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/database";
import { SqlIpRateLimit } from "../../src/db/sql-ip-rate-limit";
import { freshDatabaseUrl } from "../helpers/test-database";

const onPostgres = inject("dbProvider") === "postgresql";

describe.skipIf(!onPostgres)("the shared per-IP limit across a minute boundary", () => {
  let database: Database | undefined;
  afterAll(async () => {
    await database?.close();
  });

  it("a flooder who sends the limit just before the minute turns is still refused just after it", async () => {
    database = openDatabase(await freshDatabaseUrl());
    let now = Date.UTC(2026, 11, 2, 6, 0, 59, 500);
    const limit = new SqlIpRateLimit(database.sql, "webchat", 3, () => now);
    for (let i = 0; i < 3; i++) expect(await limit.take("203.0.113.7")).toBe(true);
    now += 1_000; // 06:01:00.5, a new one-minute row
    expect(await limit.take("203.0.113.7")).toBe(false);
    // Another address has its own count.
    expect(await limit.take("198.51.100.2")).toBe(true);
    // A minute later the earlier posts have slid out.
    now += 60_000;
    expect(await limit.take("203.0.113.7")).toBe(true);
  });
});
