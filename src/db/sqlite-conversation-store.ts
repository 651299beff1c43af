import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "../core/messages";
import type { ContactRecord, ConversationStore, DialogRecord, TurnCommit } from "../core/ports";
import { type ContactRow, parseObject, toContact } from "./conversation-rows";
import { toOutboxRow } from "./prisma-outbox-store";
import { parseSqliteDate, type SharedSqlite, type SqlRunner, sqliteDate } from "./sqlite-connection";

const CONTACT = `SELECT "id", "channel", "externalId", "displayName", "language", "languageSet", "reachable", "choices"
  FROM "Contact" WHERE "channel" = ? AND "externalId" = ?`;

/**
 * {@link ConversationStore} on the embedded database, bypassing Prisma (docs/adr/008-sqlite-hot-path.md):
 * these three calls run for every message, so they are most of the database work of a turn.
 */
export class SqliteConversationStore implements ConversationStore {
  constructor(private readonly sqlite: SharedSqlite) {}

  upsertContact(input: {
    channel: ChannelId;
    externalId: string;
    displayName?: string;
    language: Language;
  }): Promise<ContactRecord> {
    return this.sqlite.run((sql) => {
      const known = sql.get<ContactRow>(CONTACT, input.channel, input.externalId);
      if (known) return toContact(known);
      const now = sqliteDate(new Date());
      sql.run(
        `INSERT INTO "Contact" ("id", "channel", "externalId", "displayName", "language", "languageSet",
           "reachable", "choices", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, 0, 1, '[]', ?, ?) ON CONFLICT ("channel", "externalId") DO NOTHING`,
        randomUUID(),
        input.channel,
        input.externalId,
        input.displayName ?? null,
        input.language,
        now,
        now,
      );
      const created = sql.get<ContactRow>(CONTACT, input.channel, input.externalId);
      if (!created) throw new Error("contact neither found nor created");
      return toContact(created);
    });
  }

  getDialog(contactId: string): Promise<DialogRecord | null> {
    return this.sqlite.run((sql) => {
      const row = sql.get<{ flow: string; step: string; data: string; updatedAt: string }>(
        `SELECT "flow", "step", "data", "updatedAt" FROM "DialogState" WHERE "contactId" = ?`,
        contactId,
      );
      if (!row) return null;
      return {
        flow: row.flow,
        step: row.step,
        data: parseObject(row.data),
        updatedAt: parseSqliteDate(row.updatedAt),
      };
    });
  }

  async commitTurn(turn: TurnCommit): Promise<void> {
    const now = sqliteDate(new Date());
    await this.sqlite.transaction((sql) => {
      const { contact, dialog } = turn;
      sql.run(
        `UPDATE "Contact" SET "language" = ?, "languageSet" = ?, "displayName" = ?, "reachable" = ?,
           "choices" = ?, "updatedAt" = ? WHERE "id" = ?`,
        contact.language,
        contact.languageSet ? 1 : 0,
        contact.displayName,
        contact.reachable ? 1 : 0,
        JSON.stringify(contact.choices),
        now,
        contact.id,
      );
      if (dialog === null) sql.run(`DELETE FROM "DialogState" WHERE "contactId" = ?`, contact.id);
      if (dialog) {
        sql.run(
          `INSERT INTO "DialogState" ("contactId", "flow", "step", "data", "updatedAt") VALUES (?, ?, ?, ?, ?)
           ON CONFLICT ("contactId") DO UPDATE SET "flow" = excluded."flow", "step" = excluded."step",
             "data" = excluded."data", "updatedAt" = excluded."updatedAt"`,
          contact.id,
          dialog.flow,
          dialog.step,
          JSON.stringify(dialog.data),
          now,
        );
      }
      for (const item of turn.outbox) insertOutboxRow(sql, toOutboxRow(item), now);
      sql.run(
        `UPDATE "InboxUpdate" SET "status" = 'done', "processedAt" = ?, "attempts" = "attempts" + 1
         WHERE "id" = ?`,
        now,
        turn.inboxId,
      );
    });
  }
}

/** Queues one message; `now` in the stored date format. */
export function insertOutboxRow(sql: SqlRunner, row: ReturnType<typeof toOutboxRow>, now: string): void {
  sql.run(
    `INSERT INTO "OutboxMessage" ("channel", "externalId", "contactId", "broadcastId", "body", "status",
       "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    row.channel,
    row.externalId,
    row.contactId,
    row.broadcastId,
    row.body,
    now,
    now,
  );
}
