import { randomUUID } from "node:crypto";
import type { ChannelId } from "../core/messages";
import type { OutboxItem, OutboxRecord, OutboxStore } from "../core/ports";
import { DELIVERY_UNKNOWN, type RenderedMessage, type SendResult } from "../core/rendered";
import type { Db } from "./database";

/**
 * How many unsent rows one claim looks at to find each recipient's oldest message: a few times the rows
 * wanted, at most 1000. Reading more only costs event-loop time, which shows up as irregular send timing.
 */
export const windowFor = (limit: number) => Math.min(1000, Math.max(100, limit * 3));

/**
 * Statuses of a row not yet settled: pending → claimed (leased, waiting for its rate slot) → sending (the
 * platform call is in flight) → sent | failed | blocked | cancelled.
 */
export const UNSENT = ["pending", "claimed", "sending"];

/** `lastError` of a row whose platform call was cut short by a crash: delivered or not, nobody knows. */
export const INTERRUPTED = DELIVERY_UNKNOWN;

/** Prisma implementation of {@link OutboxStore}. */
export class PrismaOutboxStore implements OutboxStore {
  constructor(private readonly db: Db) {}

  async enqueue(items: OutboxItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.db.outboxMessage.createMany({ data: items.map(toOutboxRow) });
  }

  async claimDue(workerId: string, limit: number, leaseMs: number, now: Date): Promise<OutboxRecord[]> {
    const select = { id: true, channel: true, externalId: true, status: true, nextAttemptAt: true } as const;
    const unsent = { status: { in: UNSENT } };
    // Replies and broadcasts are looked at in separate windows: a broadcast of thousands of rows must not
    // hide a person's reply to a question behind it until the broadcast has drained.
    const [replies, broadcasts] = await Promise.all([
      this.db.outboxMessage.findMany({
        where: { ...unsent, broadcastId: null },
        orderBy: { id: "asc" },
        take: windowFor(limit),
        select,
      }),
      this.db.outboxMessage.findMany({
        where: { ...unsent, broadcastId: { not: null } },
        orderBy: { id: "asc" },
        take: windowFor(limit),
        select,
      }),
    ]);
    const heads = recipientHeads([...replies, ...broadcasts], limit, now);
    if (heads.length === 0) return [];
    // One conditional update claims the lot: of several processes racing for a row, exactly one changes it
    // (the others' WHERE no longer matches once it is "claimed"); the token tells us which rows are ours.
    // UPDATE … RETURNING gives back exactly the rows this statement changed.
    const claim = `${workerId}:${randomUUID()}`;
    const rows = await this.db.outboxMessage.updateManyAndReturn({
      where: { id: { in: heads }, status: "pending" },
      data: { status: "claimed", lockedBy: claim, lockedUntil: new Date(now.getTime() + leaseMs) },
    });
    return rows.sort((a, b) => a.id - b.id).map((r) => toOutboxRecord(r, claim));
  }

  async markSending(rows: { id: number; claim: string }[], leaseMs: number, now: Date): Promise<boolean[]> {
    const ours = new Set<number>();
    for (const claim of new Set(rows.map((r) => r.claim))) {
      const ids = rows.filter((r) => r.claim === claim).map((r) => r.id);
      // RETURNING tells which of these rows this very update moved (a lost claim no longer matches).
      const moved = await this.db.outboxMessage.updateManyAndReturn({
        where: { id: { in: ids }, status: "claimed", lockedBy: claim },
        data: {
          status: "sending",
          lockedBy: `${claim}:sending`,
          lockedUntil: new Date(now.getTime() + leaseMs),
        },
        select: { id: true },
      });
      for (const m of moved) ours.add(m.id);
    }
    return rows.map((r) => ours.has(r.id));
  }

  async completeSent(ids: number[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.outboxMessage.updateMany({
      where: { id: { in: ids } },
      data: {
        status: "sent",
        attempts: { increment: 1 },
        lockedBy: null,
        lockedUntil: null,
        sentAt: now,
        lastError: null,
      },
    });
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
   * A row still "sending" after its lease belonged to a worker that died mid-send. Whether the platform
   * got it is unknown, and a broadcast must never reach anyone twice, so it is settled as failed
   * (at most once) rather than resent. See docs/adr/004-outbox-delivery.md.
   */
  async settleAbandoned(now: Date): Promise<void> {
    // Claimed but never handed to the platform: safe to send again.
    await this.db.outboxMessage.updateMany({
      where: { status: "claimed", lockedUntil: { lt: now } },
      data: { status: "pending", lockedBy: null, lockedUntil: null },
    });
    await this.db.outboxMessage.updateMany({
      where: { status: "sending", lockedUntil: { lt: now } },
      data: { status: "failed", lastError: INTERRUPTED, lockedBy: null },
    });
  }
}

/** A claimed row as the dispatcher sees it. */
export function toOutboxRecord(
  r: {
    id: number;
    channel: string;
    externalId: string;
    contactId: string | null;
    broadcastId: string | null;
    body: string;
    attempts: number;
  },
  claim: string,
): OutboxRecord {
  return {
    id: r.id,
    channel: r.channel as ChannelId,
    externalId: r.externalId,
    contactId: r.contactId,
    message: JSON.parse(r.body) as RenderedMessage,
    attempts: r.attempts,
    claim,
    ...(r.broadcastId ? { broadcastId: r.broadcastId } : {}),
  };
}

/**
 * The rows to claim: only each recipient's oldest unsent row may go out, so a person's messages arrive in
 * order and no two workers ever send to one chat at once; and only when it is due.
 */
export function recipientHeads(
  rows: { id: number; channel: string; externalId: string; status: string; nextAttemptAt: Date }[],
  limit: number,
  now: Date,
): number[] {
  const seen = new Set<string>();
  const heads: number[] = [];
  for (const row of rows.sort((a, b) => a.id - b.id)) {
    const key = `${row.channel}:${row.externalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (row.status === "pending" && row.nextAttemptAt <= now) heads.push(row.id);
    if (heads.length >= limit) break;
  }
  return heads;
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
