import type { ChannelId } from "../core/messages";
import type { OutboxItem, OutboxRecord, OutboxStore } from "../core/ports";
import type { RenderedMessage, SendResult } from "../core/rendered";
import type { Db } from "./database";

/** Rows not yet settled: waiting, leased to a worker, or being handed to the platform. */
const UNSENT = ["pending", "claimed", "sending"];

/** How many unsent rows one claim looks at to find each recipient's oldest message. */
const WINDOW = 1000;

/** Prisma implementation of {@link OutboxStore}. */
export class PrismaOutboxStore implements OutboxStore {
  /** Makes each claim's lease time unique within this worker (see claimDue). */
  private claims = 0;
  private lastSettled = 0;

  constructor(private readonly db: Db) {}

  async enqueue(items: OutboxItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.db.outboxMessage.createMany({ data: items.map(toOutboxRow) });
  }

  async claimDue(workerId: string, limit: number, leaseMs: number, now: Date): Promise<OutboxRecord[]> {
    // Abandoned rows only appear when a worker dies; looking for them once per few seconds is enough.
    if (now.getTime() - this.lastSettled > 5000) {
      this.lastSettled = now.getTime();
      await this.settleAbandoned(now);
    }
    const unsent = await this.db.outboxMessage.findMany({
      where: { status: { in: UNSENT } },
      orderBy: { id: "asc" },
      take: WINDOW,
      select: { id: true, channel: true, externalId: true, status: true, nextAttemptAt: true },
    });
    // Only each recipient's oldest unsent row may go out, so a person's messages arrive in order and no
    // two workers ever send to one chat at once.
    const seen = new Set<string>();
    const heads: number[] = [];
    for (const row of unsent) {
      const key = `${row.channel}:${row.externalId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (row.status === "pending" && row.nextAttemptAt <= now) heads.push(row.id);
      if (heads.length >= limit) break;
    }
    if (heads.length === 0) return [];
    // One conditional update claims every head still pending; the lease time written (unique to this call
    // and worker) then tells which rows this call won. Of several processes racing for one row, exactly one
    // update matches it while it is still "pending".
    const lockedUntil = new Date(now.getTime() + leaseMs + (this.claims++ % 1000));
    await this.db.outboxMessage.updateMany({
      where: { id: { in: heads }, status: "pending" },
      data: { status: "claimed", lockedBy: workerId, lockedUntil },
    });
    const rows = await this.db.outboxMessage.findMany({
      where: { id: { in: heads }, status: "claimed", lockedBy: workerId, lockedUntil },
      orderBy: { id: "asc" },
    });
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as ChannelId,
      externalId: r.externalId,
      contactId: r.contactId,
      message: JSON.parse(r.body) as RenderedMessage,
      attempts: r.attempts,
      ...(r.broadcastId ? { broadcastId: r.broadcastId } : {}),
    }));
  }

  async markSending(id: number, workerId: string): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, status: "claimed", lockedBy: workerId },
      data: { status: "sending" },
    });
    return count === 1;
  }

  async complete(id: number, result: SendResult, now: Date, nextAttemptAt?: Date): Promise<void> {
    const again = result.status === "retry" || result.status === "transient";
    await this.db.outboxMessage.update({
      where: { id },
      data: again
        ? {
            status: "pending",
            attempts: { increment: result.status === "transient" ? 1 : 0 },
            nextAttemptAt: nextAttemptAt ?? now,
            lockedBy: null,
            lockedUntil: null,
            lastError: result.reason,
          }
        : {
            status: result.status,
            attempts: { increment: 1 },
            lockedBy: null,
            lockedUntil: null,
            sentAt: result.status === "sent" ? now : null,
            lastError: result.status === "sent" ? null : result.reason,
          },
    });
  }

  async pendingCount(channel: ChannelId, externalId: string): Promise<number> {
    return this.db.outboxMessage.count({
      where: { channel, externalId, status: { in: UNSENT } },
    });
  }

  async markUnreachable(channel: ChannelId, externalId: string): Promise<void> {
    await this.db.contact.updateMany({ where: { channel, externalId }, data: { reachable: false } });
  }

  /**
   * Settles rows of a worker that died. "claimed" rows were never attempted: they go back to pending and are
   * sent normally. A row still "sending" was handed to the platform when the worker died, and whether it
   * arrived is unknown; a broadcast must never reach anyone twice, so it is settled as failed (at most once)
   * rather than resent. See docs/adr/004-outbox-delivery.md.
   */
  private async settleAbandoned(now: Date): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: { status: "claimed", lockedUntil: { lt: now } },
      data: { status: "pending", lockedBy: null, lockedUntil: null },
    });
    await this.db.outboxMessage.updateMany({
      where: { status: "sending", lockedUntil: { lt: now } },
      data: { status: "failed", lastError: "interrupted while sending; delivery unknown", lockedBy: null },
    });
  }
}

/** The row of one queued message (also written by the conversation store inside a turn's transaction). */
export function toOutboxRow(o: OutboxItem) {
  return {
    channel: o.channel,
    externalId: o.externalId,
    contactId: o.contactId,
    broadcastId: o.broadcastId ?? null,
    body: JSON.stringify(o.message),
  };
}
