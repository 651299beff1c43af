import { type RateBudget, SHARED_TOLERANCE_MS as TOLERANCE_MS } from "../core/rate-limiter";
import type { Sql, SqlDatabase } from "./sql-session";

/**
 * A send schedule per channel shared by every process on one database (GCRA): the row holds the time of the
 * next free slot. Reserving is one atomic increment, so two processes can never get the same slot and slots
 * stay `intervalMs` apart across processes. When the schedule fell behind the clock (idle channel), it is
 * moved up to now with a conditional update first: otherwise every process would get a run of slots in the
 * past and send them all at once.
 *
 * Why not a counter per one-second window: fixed windows let N through at the end of one second and N more
 * at the start of the next, 2N within one second as the platform sees it. Clocks of the processes are
 * assumed to agree within a few ms (NTP); a skew shows up as slightly early or late slots, not duplicates.
 *
 * Plain SQL (docs/adr/008-sqlite-hot-path.md): every message sent reserves a slot, and through Prisma that
 * cost more CPU than the rest of the send.
 */
export class SqlRateBudget implements RateBudget {
  constructor(private readonly database: SqlDatabase) {}

  reserve(channel: string, intervalMs: number, now: number): Promise<number> {
    return this.database.run(async (sql) => {
      for (let attempt = 0; ; attempt++) {
        const next = await increment(sql, channel, intervalMs, now);
        const slot = next - intervalMs;
        if (slot >= now - TOLERANCE_MS || attempt >= 3) return Math.max(slot, now);
        // The schedule lags: bring it up to now (only while it still lags, so concurrent reservations made
        // in the meantime are never undone), then reserve again. The stale slot just taken is never used.
        await sql.run(
          `UPDATE "RateBudget" SET "nextSlotAt" = ? WHERE "channel" = ? AND "nextSlotAt" < ?`,
          now,
          channel,
          now - TOLERANCE_MS,
        );
      }
    });
  }
}

/** Takes the channel's next slot; returns where the schedule now stands (the slot taken ends there). */
async function increment(sql: Sql, channel: string, intervalMs: number, now: number): Promise<number> {
  for (;;) {
    const row = await sql.get<{ nextSlotAt: number }>(
      `UPDATE "RateBudget" SET "nextSlotAt" = "nextSlotAt" + ? WHERE "channel" = ? RETURNING "nextSlotAt"`,
      intervalMs,
      channel,
    );
    if (row) return Number(row.nextSlotAt);
    // The channel's first send: start its schedule now (another process may just have done so).
    await sql.run(
      `INSERT INTO "RateBudget" ("channel", "nextSlotAt") VALUES (?, ?) ON CONFLICT ("channel") DO NOTHING`,
      channel,
      now,
    );
  }
}
