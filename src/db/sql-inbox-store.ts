import type { ChannelId } from "../core/messages";
import { MicroBatch } from "../core/micro-batch";
import type { InboxRecord, InboxStore } from "../core/ports";
import type { SqlDatabase } from "./sql-session";

type NewUpdate = { channel: ChannelId; updateKey: string; conversationKey: string; payload: string };
type Appended = { id: number; duplicate: boolean };
type Row = Omit<InboxRecord, "channel"> & { channel: string };

const INSERT = `INSERT INTO "InboxUpdate" ("channel", "updateKey", "conversationKey", "payload", "status", "attempts", "receivedAt")
  VALUES (?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT ("channel", "updateKey") DO NOTHING RETURNING "id"`;

/**
 * The durable inbox in plain SQL (docs/adr/008-sqlite-hot-path.md); the unique (channel, updateKey) index
 * turns a replay into "duplicate". Updates arriving together are stored in one transaction (group commit:
 * one sync to disk for all of them, instead of each webhook queueing behind the others' commits).
 */
export class SqlInboxStore implements InboxStore {
  private readonly batch = new MicroBatch<NewUpdate, Appended>((items) => this.appendMany(items), 0, 100);

  constructor(private readonly database: SqlDatabase) {}

  append(input: NewUpdate): Promise<Appended> {
    return this.batch.add(input);
  }

  private appendMany(items: NewUpdate[]): Promise<Appended[]> {
    const now = new Date();
    return this.database.transaction(
      async (sql) => {
        const results: Appended[] = [];
        for (const i of items) {
          const row = await sql.get<{ id: number }>(
            INSERT,
            i.channel,
            i.updateKey,
            i.conversationKey,
            i.payload,
            now,
          );
          if (row) {
            results.push({ id: row.id, duplicate: false });
            continue;
          }
          const first = await sql.get<{ id: number }>(
            `SELECT "id" FROM "InboxUpdate" WHERE "channel" = ? AND "updateKey" = ?`,
            i.channel,
            i.updateKey,
          );
          if (!first) throw new Error("inbox insert neither stored nor found");
          results.push({ id: first.id, duplicate: true });
        }
        return results;
        // Durable: the webhooks are acknowledged as soon as this resolves.
      },
      { durable: true },
    );
  }

  pendingFor(conversationKey: string, limit: number): Promise<InboxRecord[]> {
    return this.database.run(async (sql) =>
      (
        await sql.all<Row>(
          `SELECT "id", "channel", "updateKey", "conversationKey", "payload", "attempts" FROM "InboxUpdate"
           WHERE "conversationKey" = ? AND "status" = 'pending' ORDER BY "id" LIMIT ?`,
          conversationKey,
          limit,
        )
      ).map((r) => ({ ...r, channel: r.channel as ChannelId })),
    );
  }

  pendingConversations(limit: number, receivedBefore?: Date): Promise<string[]> {
    const params = receivedBefore ? [receivedBefore, limit] : [limit];
    return this.database.run(async (sql) =>
      (
        await sql.all<{ conversationKey: string }>(
          `SELECT "conversationKey" FROM "InboxUpdate" WHERE "status" = 'pending'
           ${receivedBefore ? `AND "receivedAt" < ?` : ""}
           GROUP BY "conversationKey" ORDER BY MIN("id") LIMIT ?`,
          ...params,
        )
      ).map((r) => r.conversationKey),
    );
  }

  async markFailed(id: number, error: string, final: boolean): Promise<void> {
    await this.database.run((sql) =>
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
    await this.database.run((sql) =>
      sql.run(`UPDATE "InboxUpdate" SET "status" = 'done', "processedAt" = ? WHERE "id" = ?`, new Date(), id),
    );
  }

  status(id: number): Promise<string | null> {
    return this.database.run(
      async (sql) =>
        (await sql.get<{ status: string }>(`SELECT "status" FROM "InboxUpdate" WHERE "id" = ?`, id))
          ?.status ?? null,
    );
  }
}
