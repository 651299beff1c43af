import { randomUUID } from "node:crypto";
import type { ChannelId } from "../core/messages";
import type { ClaimFilter, OutboxItem, OutboxRecord, OutboxStore } from "../core/ports";
import { DELIVERY_UNKNOWN, type SendResult } from "../core/ports";
import type { Db } from "./database";
import { insertOnce } from "./insert-once";
import { type HeadRow, recipientHeads, toOutboxRecord, toOutboxRow, windowFor } from "./outbox-rows";
import { parseStoredDate, type Sql, type SqlDatabase } from "./sql-session";

type Head = Omit<HeadRow, "nextAttemptAt"> & { nextAttemptAt: string };

const HEAD = `SELECT "id", "channel", "externalId", "status", "nextAttemptAt", "broadcastId" FROM "OutboxMessage"`;

/** Rows in a worker's hands: their recipients wait (one in-flight row per recipient). */
const BUSY = (where: string) => `${HEAD} WHERE "status" IN ('claimed', 'sending')${where}`;

/** Pending rows of one kind, oldest first. */
const WINDOW = (broadcasts: boolean, where: string) => `${HEAD} WHERE "status" = 'pending'
  AND "broadcastId" IS ${broadcasts ? "NOT NULL" : "NULL"}${where} ORDER BY "id" LIMIT ?`;

/** A recipient's oldest pending broadcast row: it goes before their newer reply. */
const OLDEST_BROADCAST_ROW = `${HEAD} WHERE "channel" = ? AND "externalId" = ? AND "status" = 'pending'
  AND "broadcastId" IS NOT NULL ORDER BY "id" LIMIT 1`;

/** Whether any broadcast row waits at all: when none does, no reply needs its recipient's looked up. */
const ANY_PENDING_BROADCAST = (where: string) => `SELECT 1 AS "found" FROM "OutboxMessage"
  WHERE "status" = 'pending' AND "broadcastId" IS NOT NULL${where} LIMIT 1`;

/**
 * An older row of the same recipient not yet settled. The heads above are read in separate statements, so
 * another process may claim (and start sending) a recipient's head between them; this makes the claim
 * itself refuse a row that has an unsent predecessor, so a recipient's messages go out in order whatever
 * the other processes do (docs/adr/016-scale-out.md; the load-balanced test caught a poster sent after
 * the next answer).
 */
const OLDER_UNSENT = `SELECT 1 FROM "OutboxMessage" AS "older" WHERE "older"."channel" = "OutboxMessage"."channel"
  AND "older"."externalId" = "OutboxMessage"."externalId" AND "older"."id" < "OutboxMessage"."id"
  AND "older"."status" IN ('pending', 'claimed', 'sending')`;

/** The channel conditions of a claim filter (channel ids are a closed set of plain words). */
function channelCondition(filter: ClaimFilter | undefined): string {
  const list = (ids: ChannelId[]) =>
    ids
      .map((id) => {
        if (!/^[a-z-]+$/.test(id)) throw new Error(`not a channel id: ${id}`);
        return `'${id}'`;
      })
      .join(", ");
  let where = "";
  if (filter?.channels)
    where += filter.channels.length ? ` AND "channel" IN (${list(filter.channels)})` : " AND 1 = 0";
  if (filter?.otherThan?.length) where += ` AND "channel" NOT IN (${list(filter.otherThan)})`;
  return where;
}

/**
 * The outbox. The dispatcher's per-message calls are plain SQL (docs/adr/008-sqlite-hot-path.md); the rarer
 * ones (failures, retries, bulk inserts) use Prisma. Claims are conditional updates, and RETURNING tells
 * which rows this very statement moved.
 */
export class SqlOutboxStore implements OutboxStore {
  /** Claims whose statement failed without an answer (see {@link releaseUnansweredClaims}). */
  private readonly unanswered = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly database: SqlDatabase,
  ) {}

  async enqueue(items: OutboxItem[]): Promise<void> {
    if (items.length === 0) return;
    // Rows a turn run again queues a second time (same effect ids) are already there: left out.
    const keys = items.flatMap((i) => (i.effectId ? [i.effectId] : []));
    const queued = keys.length
      ? new Set(
          (
            await this.db.outboxMessage.findMany({
              where: { effectId: { in: keys } },
              select: { effectId: true },
            })
          ).map((r) => r.effectId),
        )
      : new Set<string | null>();
    const rows = items.filter((i) => !i.effectId || !queued.has(i.effectId)).map(toOutboxRow);
    if (rows.length === 0) return;
    // Two runs of one turn at once (a lease cut mid-turn) meet the unique index: the other run queued them.
    await insertOnce(keys[0], () => this.db.outboxMessage.createMany({ data: rows }));
  }

  claimDue(
    workerId: string,
    limit: number,
    leaseMs: number,
    now: Date,
    filter?: ClaimFilter,
  ): Promise<OutboxRecord[]> {
    return this.database.run(async (sql) => {
      await this.releaseUnansweredClaims(sql);
      const heads = recipientHeads(await this.unsentRows(sql, limit, filter), limit, now, filter?.kind);
      if (heads.length === 0) return [];
      const claim = `${workerId}:${randomUUID()}`;
      let claimed: Parameters<typeof toOutboxRecord>[0][];
      try {
        claimed = await sql.all<Parameters<typeof toOutboxRecord>[0]>(
          `UPDATE "OutboxMessage" SET "status" = 'claimed', "lockedBy" = ?, "lockedUntil" = ?
           WHERE ${sql.inIds(`"id"`)} AND "status" = 'pending' AND NOT EXISTS (${OLDER_UNSENT})
           RETURNING "id", "channel", "externalId", "contactId", "broadcastId", "body", "attempts", "replyTo",
             "purpose", "createdAt"`,
          claim,
          new Date(now.getTime() + leaseMs),
          heads,
        );
      } catch (error) {
        this.unanswered.add(claim);
        throw error;
      }
      return claimed.sort((a, b) => a.id - b.id).map((r) => toOutboxRecord(r, claim));
    });
  }

  /**
   * What a claim decides on: the rows in a worker's hands, the oldest pending replies, and either the
   * oldest pending broadcast rows or (for replies) each replying recipient's older broadcast row. Replies
   * and broadcasts are read in separate windows: a long broadcast must not hide a reply.
   */
  private async unsentRows(sql: Sql, limit: number, filter: ClaimFilter | undefined): Promise<HeadRow[]> {
    const where = channelCondition(filter);
    const window = windowFor(limit);
    const busy = await sql.all<Head>(BUSY(where));
    const replies = await sql.all<Head>(WINDOW(false, where), window);
    const broadcasts = filter?.kind === "replies" ? [] : await sql.all<Head>(WINDOW(true, where), window);
    const inHand = new Set(busy.map((r) => `${r.channel}:${r.externalId}`));
    const known = new Set(broadcasts.map((r) => `${r.channel}:${r.externalId}`));
    const blockers: Head[] = [];
    // A window shorter than asked for holds every pending broadcast row (`known` then covers them all); the
    // reply lane reads none, and asks once whether there is any. Either way, with none waiting, the query
    // per replying recipient below is skipped: it was one statement per reply sent.
    const maybeBlocked =
      filter?.kind === "replies"
        ? replies.length > 0 && (await sql.get(ANY_PENDING_BROADCAST(where))) !== undefined
        : broadcasts.length >= window;
    if (filter?.kind !== "broadcasts" && maybeBlocked) {
      const waiting = new Map(replies.map((r) => [`${r.channel}:${r.externalId}`, r]));
      for (const [recipient, reply] of [...waiting].slice(0, limit)) {
        if (inHand.has(recipient) || known.has(recipient)) continue;
        const older = await sql.get<Head>(OLDEST_BROADCAST_ROW, reply.channel, reply.externalId);
        if (older) blockers.push(older);
      }
    }
    return [...busy, ...replies, ...broadcasts, ...blockers].map((r) => ({
      ...r,
      nextAttemptAt: parseStoredDate(r.nextAttemptAt),
    }));
  }

  /**
   * A claim whose answer never came (the connection died with the statement sent) may have been made all
   * the same: its rows would sit claimed by nobody who knows it until the lease ends. Nobody else holds
   * the claim's token, so handing its rows back is safe; it is retried until the database takes it.
   */
  private async releaseUnansweredClaims(sql: Sql): Promise<void> {
    for (const claim of [...this.unanswered]) {
      await sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'pending', "lockedBy" = NULL, "lockedUntil" = NULL
         WHERE "status" = 'claimed' AND "lockedBy" = ?`,
        claim,
      );
      this.unanswered.delete(claim);
    }
  }

  markSending(rows: { id: number; claim: string }[], leaseMs: number, now: Date): Promise<boolean[]> {
    const until = new Date(now.getTime() + leaseMs);
    return this.database.transaction(
      async (sql) => {
        const ours = new Set<number>();
        for (const claim of new Set(rows.map((r) => r.claim))) {
          const ids = rows.filter((r) => r.claim === claim).map((r) => r.id);
          const moved = await sql.all<{ id: number }>(
            `UPDATE "OutboxMessage" SET "status" = 'sending', "lockedBy" = ?, "lockedUntil" = ?
           WHERE ${sql.inIds(`"id"`)} AND "status" = 'claimed' AND "lockedBy" = ? RETURNING "id"`,
            `${claim}:sending`,
            until,
            ids,
            claim,
          );
          for (const m of moved) ours.add(m.id);
        }
        return rows.map((r) => ours.has(r.id));
        // Durable: the platform is called as soon as this resolves, and a row must be "sending" on disk by
        // then, or after a power cut it could be sent again.
      },
      { durable: true },
    );
  }

  async completeSent(ids: number[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.database.run((sql) =>
      sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'sent', "attempts" = "attempts" + 1, "lockedBy" = NULL,
           "lockedUntil" = NULL, "sentAt" = ?, "lastError" = NULL WHERE ${sql.inIds(`"id"`)}`,
        now,
        ids,
      ),
    );
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
            ...(result.status === "sent" && result.quotaType ? { quotaType: result.quotaType } : {}),
          },
    });
  }

  async markUnreachable(channel: ChannelId, externalId: string): Promise<void> {
    await this.db.contact.updateMany({ where: { channel, externalId }, data: { reachable: false } });
  }

  pendingCount(channel: ChannelId, externalId: string): Promise<number> {
    return this.database.run(async (sql) =>
      Number(
        (
          await sql.get<{ n: number | string }>(
            `SELECT COUNT(*) AS "n" FROM "OutboxMessage" WHERE "channel" = ? AND "externalId" = ?
             AND "status" IN ('pending', 'claimed', 'sending')`,
            channel,
            externalId,
          )
        )?.n ?? 0,
      ),
    );
  }

  /**
   * A row still "sending" after its lease belonged to a worker that died mid-send. Whether the platform
   * got it is unknown, and a broadcast must never reach anyone twice, so it is settled as failed
   * (at most once) rather than resent. See docs/adr/004-outbox-delivery.md.
   */
  async settleAbandoned(now: Date): Promise<void> {
    await this.database.transaction(async (sql) => {
      await sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'pending', "lockedBy" = NULL, "lockedUntil" = NULL
         WHERE "status" = 'claimed' AND "lockedUntil" < ?`,
        now,
      );
      // The web chat's delivery is a keyed database write (ADR 016): one cut short is simply done again.
      await sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'pending', "lockedBy" = NULL, "lockedUntil" = NULL
         WHERE "status" = 'sending' AND "lockedUntil" < ? AND "channel" = 'webchat'`,
        now,
      );
      await sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'failed', "lastError" = ?, "lockedBy" = NULL
         WHERE "status" = 'sending' AND "lockedUntil" < ?`,
        DELIVERY_UNKNOWN,
        now,
      );
    });
  }
}
