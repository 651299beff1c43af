import type { ChannelId } from "../core/messages";
import { MicroBatch } from "../core/micro-batch";
import type { InboxRecord, InboxStore } from "../core/ports";
import { type SharedSqlite, sqliteDate } from "./sqlite-connection";

type NewUpdate = { channel: ChannelId; updateKey: string; conversationKey: string; payload: string };
type Appended = { id: number; duplicate: boolean };
type Row = Omit<InboxRecord, "channel"> & { channel: string };

const INSERT = `INSERT INTO "InboxUpdate" ("channel", "updateKey", "conversationKey", "payload", "status", "attempts", "receivedAt")
  VALUES (?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT ("channel", "updateKey") DO NOTHING RETURNING "id"`;

/**
 * {@link InboxStore} on the embedded database, bypassing Prisma (docs/adr/008-sqlite-hot-path.md).
 * Updates arriving together are stored in one transaction (group commit: one sync to disk for all).
 */
export class SqliteInboxStore implements InboxStore {
  private readonly batch = new MicroBatch<NewUpdate, Appended>((items) => this.appendMany(items), 1, 100);

  constructor(private readonly sqlite: SharedSqlite) {}

  append(input: NewUpdate): Promise<Appended> {
    return this.batch.add(input);
  }

  private appendMany(items: NewUpdate[]): Promise<Appended[]> {
    const now = sqliteDate(new Date());
    return this.sqlite.transaction((sql) =>
      items.map((i) => {
        const row = sql.get<{ id: number }>(
          INSERT,
          i.channel,
          i.updateKey,
          i.conversationKey,
          i.payload,
          now,
        );
        if (row) return { id: row.id, duplicate: false };
        // A replay: the unique (channel, updateKey) index kept the first one.
        const first = sql.get<{ id: number }>(
          `SELECT "id" FROM "InboxUpdate" WHERE "channel" = ? AND "updateKey" = ?`,
          i.channel,
          i.updateKey,
        );
        if (!first) throw new Error("inbox insert neither stored nor found");
        return { id: first.id, duplicate: true };
      }),
    );
  }

  pendingFor(conversationKey: string, limit: number): Promise<InboxRecord[]> {
    return this.sqlite.run((sql) =>
      sql
        .all<Row>(
          `SELECT "id", "channel", "updateKey", "conversationKey", "payload", "attempts" FROM "InboxUpdate"
           WHERE "conversationKey" = ? AND "status" = 'pending' ORDER BY "id" LIMIT ?`,
          conversationKey,
          limit,
        )
        .map((r) => ({ ...r, channel: r.channel as ChannelId })),
    );
  }

  pendingConversations(limit: number): Promise<string[]> {
    return this.sqlite.run((sql) =>
      sql
        .all<{ conversationKey: string }>(
          `SELECT "conversationKey" FROM "InboxUpdate" WHERE "status" = 'pending'
           GROUP BY "conversationKey" ORDER BY MIN("id") LIMIT ?`,
          limit,
        )
        .map((r) => r.conversationKey),
    );
  }

  async markFailed(id: number, error: string, final: boolean): Promise<void> {
    await this.sqlite.run((sql) =>
      sql.run(
        `UPDATE "InboxUpdate" SET "attempts" = "attempts" + 1, "error" = ?,
         "status" = CASE WHEN ? = 1 THEN 'failed' ELSE "status" END WHERE "id" = ?`,
        error.slice(0, 1000),
        final ? 1 : 0,
        id,
      ),
    );
  }

  async markDone(id: number): Promise<void> {
    await this.sqlite.run((sql) =>
      sql.run(
        `UPDATE "InboxUpdate" SET "status" = 'done', "processedAt" = ? WHERE "id" = ?`,
        sqliteDate(new Date()),
        id,
      ),
    );
  }

  status(id: number): Promise<string | null> {
    return this.sqlite.run(
      (sql) =>
        sql.get<{ status: string }>(`SELECT "status" FROM "InboxUpdate" WHERE "id" = ?`, id)?.status ?? null,
    );
  }
}
