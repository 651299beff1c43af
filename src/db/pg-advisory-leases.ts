import type pg from "pg";
import type { Leases } from "../core/leases";
import { loadPg } from "./load-pg";

/**
 * {@link Leases} as PostgreSQL session advisory locks (docs/adr/016-scale-out.md). A lease is held on a
 * connection of its own pool for as long as the work runs: PostgreSQL drops a session's locks the moment its
 * connection closes, so a process killed with -9 hands its leases back within the time its socket takes to
 * close (at once on the same host; `tcp_keepalives_*` bound it for a lost host), without an expiry to tune
 * or renew. Names are hashed to 64 bits (`hashtextextended`), so 1.2 M conversations practically never
 * share a lock; if two did, they would only take turns.
 *
 * The pool is separate from the hot path's (pg-connection.ts): a lease's connection sits idle while the turn
 * runs on the other pool, and must not take a slot a webhook acknowledgement needs.
 */
export class PgAdvisoryLeases implements Leases {
  readonly shared = true;
  private readonly pool: pg.Pool;

  constructor(url: string, max = 8) {
    const { Pool } = loadPg();
    this.pool = new Pool({
      connectionString: url,
      max,
      connectionTimeoutMillis: 5_000,
      query_timeout: 15_000,
      // Lets the server notice a vanished client host too (the lease goes when the connection does).
      keepAlive: true,
      application_name: "helpdesk-leases",
    });
    this.pool.on("error", () => undefined);
  }

  async hold(name: string, work: () => Promise<void>): Promise<boolean> {
    const client = await this.pool.connect();
    let broken = false;
    const cut = () => {
      broken = true;
    };
    client.on("error", cut);
    try {
      const taken = await client.query<{ ok: boolean }>(
        "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok",
        [name],
      );
      if (!taken.rows[0]?.ok) return false;
      try {
        await work();
      } finally {
        // A connection that cannot unlock is destroyed instead: closing it releases the lock as well.
        await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [name]).catch(() => {
          broken = true;
        });
      }
      return true;
    } finally {
      client.off("error", cut);
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
