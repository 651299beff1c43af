import { type RateBudget, SHARED_TOLERANCE_MS as TOLERANCE_MS } from "../core/rate-limiter";
import type { Db } from "./database";
import { isUniqueViolation } from "./database-errors";

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
 */
export class PrismaRateBudget implements RateBudget {
  constructor(private readonly db: Db) {}

  async reserve(channel: string, intervalMs: number, now: number): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const row = await this.increment(channel, intervalMs, now);
      const slot = row - intervalMs;
      if (slot >= now - TOLERANCE_MS || attempt >= 3) return Math.max(slot, now);
      // The schedule lags: bring it up to now (only while it still lags, so concurrent reservations made in
      // the meantime are never undone), then reserve again. The stale slot just taken is never used.
      await this.db.rateBudget.updateMany({
        where: { channel, nextSlotAt: { lt: now - TOLERANCE_MS } },
        data: { nextSlotAt: now },
      });
    }
  }

  private async increment(channel: string, intervalMs: number, now: number): Promise<number> {
    try {
      const row = await this.db.rateBudget.update({
        where: { channel },
        data: { nextSlotAt: { increment: intervalMs } },
      });
      return row.nextSlotAt;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await this.db.rateBudget.create({ data: { channel, nextSlotAt: now } });
      } catch (raced) {
        if (!isUniqueViolation(raced)) throw raced;
      }
      return this.increment(channel, intervalMs, now);
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: string }).code === "P2025";
}
