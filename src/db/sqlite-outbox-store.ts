import { randomUUID } from "node:crypto";
import type { ChannelId } from "../core/messages";
import type { OutboxRecord } from "../core/ports";
import type { Db } from "./database";
import {
  INTERRUPTED,
  PrismaOutboxStore,
  recipientHeads,
  toOutboxRecord,
  windowFor,
} from "./prisma-outbox-store";
import { parseSqliteDate, type SharedSqlite, sqliteDate } from "./sqlite-connection";

type Head = { id: number; channel: string; externalId: string; status: string; nextAttemptAt: string };

/** Rows not yet settled, as in {@link UNSENT}; a window of each kind, oldest first. */
const WINDOW = (broadcasts: boolean) => `SELECT "id", "channel", "externalId", "status", "nextAttemptAt"
  FROM "OutboxMessage" WHERE "status" IN ('pending', 'claimed', 'sending')
  AND "broadcastId" IS ${broadcasts ? "NOT NULL" : "NULL"} ORDER BY "id" LIMIT ?`;

/** A list of ids as one parameter, so that each statement is prepared once whatever the list's length. */
const IDS = `(SELECT value FROM json_each(?))`;

/**
 * The dispatcher's per-message calls on the embedded database, bypassing Prisma
 * (docs/adr/008-sqlite-hot-path.md); the rarer ones (failures, broadcasts' bulk inserts) stay on Prisma.
 * Same rules as {@link PrismaOutboxStore}: claims are conditional updates, RETURNING tells which rows moved.
 */
export class SqliteOutboxStore extends PrismaOutboxStore {
  constructor(
    db: Db,
    private readonly sqlite: SharedSqlite,
  ) {
    super(db);
  }

  override claimDue(workerId: string, limit: number, leaseMs: number, now: Date): Promise<OutboxRecord[]> {
    return this.sqlite.run((sql) => {
      // Replies and broadcasts in separate windows: a long broadcast must not hide a reply.
      const rows = [
        ...sql.all<Head>(WINDOW(false), windowFor(limit)),
        ...sql.all<Head>(WINDOW(true), windowFor(limit)),
      ].map((r) => ({ ...r, nextAttemptAt: parseSqliteDate(r.nextAttemptAt) }));
      const heads = recipientHeads(rows, limit, now);
      if (heads.length === 0) return [];
      const claim = `${workerId}:${randomUUID()}`;
      const claimed = sql.all<Parameters<typeof toOutboxRecord>[0]>(
        `UPDATE "OutboxMessage" SET "status" = 'claimed', "lockedBy" = ?, "lockedUntil" = ?
         WHERE "id" IN ${IDS} AND "status" = 'pending'
         RETURNING "id", "channel", "externalId", "contactId", "broadcastId", "body", "attempts"`,
        claim,
        sqliteDate(new Date(now.getTime() + leaseMs)),
        JSON.stringify(heads),
      );
      return claimed.sort((a, b) => a.id - b.id).map((r) => toOutboxRecord(r, claim));
    });
  }

  override markSending(
    rows: { id: number; claim: string }[],
    leaseMs: number,
    now: Date,
  ): Promise<boolean[]> {
    const until = sqliteDate(new Date(now.getTime() + leaseMs));
    return this.sqlite.transaction((sql) => {
      const ours = new Set<number>();
      for (const claim of new Set(rows.map((r) => r.claim))) {
        const ids = rows.filter((r) => r.claim === claim).map((r) => r.id);
        const moved = sql.all<{ id: number }>(
          `UPDATE "OutboxMessage" SET "status" = 'sending', "lockedBy" = ?, "lockedUntil" = ?
           WHERE "id" IN ${IDS} AND "status" = 'claimed' AND "lockedBy" = ? RETURNING "id"`,
          `${claim}:sending`,
          until,
          JSON.stringify(ids),
          claim,
        );
        for (const m of moved) ours.add(m.id);
      }
      return rows.map((r) => ours.has(r.id));
    });
  }

  override async completeSent(ids: number[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.sqlite.run((sql) =>
      sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'sent', "attempts" = "attempts" + 1, "lockedBy" = NULL,
           "lockedUntil" = NULL, "sentAt" = ?, "lastError" = NULL WHERE "id" IN ${IDS}`,
        sqliteDate(now),
        JSON.stringify(ids),
      ),
    );
  }

  override pendingCount(channel: ChannelId, externalId: string): Promise<number> {
    return this.sqlite.run(
      (sql) =>
        sql.get<{ n: number }>(
          `SELECT COUNT(*) AS "n" FROM "OutboxMessage" WHERE "channel" = ? AND "externalId" = ?
           AND "status" IN ('pending', 'claimed', 'sending')`,
          channel,
          externalId,
        )?.n ?? 0,
    );
  }

  override async settleAbandoned(now: Date): Promise<void> {
    const at = sqliteDate(now);
    await this.sqlite.transaction((sql) => {
      sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'pending', "lockedBy" = NULL, "lockedUntil" = NULL
         WHERE "status" = 'claimed' AND "lockedUntil" < ?`,
        at,
      );
      sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'failed', "lastError" = ?, "lockedBy" = NULL
         WHERE "status" = 'sending' AND "lockedUntil" < ?`,
        INTERRUPTED,
        at,
      );
    });
  }
}
