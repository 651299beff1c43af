import type { IpRateLimit } from "../http/ip-rate-limit";
import { KeyedRateLimit } from "../http/ip-rate-limit";
import type { Database } from "./database";
import type { SqlDatabase } from "./sql-session";

const WINDOW_MS = 60_000;

/**
 * A per-IP limit shared by every process on one PostgreSQL database: one upserted counter row per key and
 * one-minute window (`IpRateWindow`), read as a sliding window: this minute's count plus the previous
 * minute's, weighted by how much of it still lies within the last 60 s. A fixed window alone let twice the
 * limit through across a boundary (and made "the 4th post is refused" depend on the second it was sent).
 * One statement per request on the primary key (measured in docs/adr/016-scale-out.md). Old windows are
 * deleted by whichever process notices first, at most once a minute per process.
 */
export class SqlIpRateLimit implements IpRateLimit {
  private purgedAt = 0;

  constructor(
    private readonly database: SqlDatabase,
    /** Which limit: the web chat's and the check-in page's keys never share a counter. */
    private readonly scope: string,
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async take(key: string): Promise<boolean> {
    const now = this.clock();
    const windowStart = now - (now % WINDOW_MS);
    const id = `${this.scope}:${key}`;
    const row = await this.database.run((sql) =>
      sql.get<{ count: number; previous: number }>(
        `WITH "current" AS (
           INSERT INTO "IpRateWindow" ("key", "windowStart", "count") VALUES (?, ?, 1)
           ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "IpRateWindow"."count" + 1
           RETURNING "count")
         SELECT (SELECT "count" FROM "current") AS "count",
           COALESCE((SELECT "count" FROM "IpRateWindow" WHERE "key" = ? AND "windowStart" = ?), 0) AS "previous"`,
        id,
        windowStart,
        id,
        windowStart - WINDOW_MS,
      ),
    );
    if (now - this.purgedAt > WINDOW_MS) {
      this.purgedAt = now;
      // Not awaited: a failed clean-up costs a few rows until the next one, never a request.
      void this.database
        .run((sql) => sql.run(`DELETE FROM "IpRateWindow" WHERE "windowStart" < ?`, windowStart - WINDOW_MS))
        .catch(() => undefined);
    }
    const overlap = 1 - (now - windowStart) / WINDOW_MS;
    return Number(row?.count ?? 1) + Number(row?.previous ?? 0) * overlap <= this.perMinute;
  }
}

/**
 * The per-IP limit for `scope`: counted in the database on PostgreSQL (several processes), in memory on
 * SQLite (one process, no query per request).
 */
export function ipRateLimitFor(database: Database, scope: string, perMinute: number): IpRateLimit {
  return database.provider === "postgresql"
    ? new SqlIpRateLimit(database.sql, scope, perMinute)
    : new KeyedRateLimit(perMinute);
}
