import type { IpRateLimit } from "../http/ip-rate-limit";
import { KeyedRateLimit } from "../http/ip-rate-limit";
import type { Database } from "./database";
import type { SqlDatabase } from "./sql-session";

const WINDOW_MS = 60_000;

/**
 * A per-IP limit shared by every process on one PostgreSQL database: a fixed one-minute window per key,
 * one upserted counter row (`IpRateWindow`), so a request costs one short statement on the primary key
 * (measured in docs/adr/016-scale-out.md). Fixed windows let up to twice the limit through across a window
 * boundary; this is a speed bump against a script, not a quota, so that is accepted for the single round
 * trip (the outbox's rate budget, where the platform counts, uses GCRA instead). Old windows are deleted by
 * whichever process notices first, at most once a minute per process.
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
    const row = await this.database.run((sql) =>
      sql.get<{ count: number }>(
        `INSERT INTO "IpRateWindow" ("key", "windowStart", "count") VALUES (?, ?, 1)
         ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "IpRateWindow"."count" + 1
         RETURNING "count"`,
        `${this.scope}:${key}`,
        windowStart,
      ),
    );
    if (now - this.purgedAt > WINDOW_MS) {
      this.purgedAt = now;
      // Not awaited: a failed clean-up costs a few rows until the next one, never a request.
      void this.database
        .run((sql) => sql.run(`DELETE FROM "IpRateWindow" WHERE "windowStart" < ?`, windowStart - WINDOW_MS))
        .catch(() => undefined);
    }
    return Number(row?.count ?? 1) <= this.perMinute;
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
