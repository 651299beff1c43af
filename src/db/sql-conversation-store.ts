import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "../core/messages";
import {
  type ContactRecord,
  type ConversationStore,
  type DialogRecord,
  TurnAlreadyCommitted,
  type TurnCommit,
} from "../core/ports";
import { type ContactRow, parseObject, toContact } from "./conversation-rows";
import { toOutboxRow } from "./outbox-rows";
import { parseStoredDate, type Sql, type SqlDatabase } from "./sql-session";

const CONTACT = `SELECT "id", "channel", "externalId", "displayName", "language", "languageSet", "reachable", "choices"
  FROM "Contact" WHERE "channel" = ? AND "externalId" = ?`;

/**
 * Conversation state in plain SQL (docs/adr/008-sqlite-hot-path.md): these three calls run for every
 * message, so they are most of the database work of a turn.
 */
export class SqlConversationStore implements ConversationStore {
  constructor(private readonly database: SqlDatabase) {}

  upsertContact(input: {
    channel: ChannelId;
    externalId: string;
    displayName?: string;
    language: Language;
  }): Promise<ContactRecord> {
    return this.database.run(async (sql) => {
      // Read first: nearly every turn is from someone we know. Two first messages racing (several
      // processes) meet the unique index; the insert then does nothing and the read finds the winner.
      const known = await sql.get<ContactRow>(CONTACT, input.channel, input.externalId);
      if (known) return toContact(known);
      const now = new Date();
      await sql.run(
        `INSERT INTO "Contact" ("id", "channel", "externalId", "displayName", "language", "languageSet",
           "reachable", "choices", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?) ON CONFLICT ("channel", "externalId") DO NOTHING`,
        randomUUID(),
        input.channel,
        input.externalId,
        input.displayName ?? null,
        input.language,
        false,
        true,
        now,
        now,
      );
      const created = await sql.get<ContactRow>(CONTACT, input.channel, input.externalId);
      if (!created) throw new Error("contact neither found nor created");
      return toContact(created);
    });
  }

  getDialog(contactId: string): Promise<DialogRecord | null> {
    return this.database.run(async (sql) => {
      const row = await sql.get<{ flow: string; step: string; data: string; updatedAt: string }>(
        `SELECT "flow", "step", "data", "updatedAt" FROM "DialogState" WHERE "contactId" = ?`,
        contactId,
      );
      if (!row) return null;
      return {
        flow: row.flow,
        step: row.step,
        data: parseObject(row.data),
        updatedAt: parseStoredDate(row.updatedAt),
      };
    });
  }

  async commitTurn(turn: TurnCommit): Promise<void> {
    const now = new Date();
    await this.database.transaction(async (sql) => {
      const { contact, dialog } = turn;
      // First, and checked: a turn commits at most once per update, even if two processes ran it (the
      // second one waits here for the first to commit, then finds the update done and stores nothing).
      const done = await sql.run(
        `UPDATE "InboxUpdate" SET "status" = 'done', "processedAt" = ?, "attempts" = "attempts" + 1
         WHERE "id" = ? AND "status" = 'pending'`,
        now,
        turn.inboxId,
      );
      if (done === 0) throw new TurnAlreadyCommitted(turn.inboxId);
      // Every turn answers an inbound event: it is the person's latest interaction (Zalo OA's window).
      await sql.run(
        `UPDATE "Contact" SET "language" = ?, "languageSet" = ?, "displayName" = ?, "reachable" = ?,
           "choices" = ?, "updatedAt" = ?, "lastInboundAt" = ? WHERE "id" = ?`,
        contact.language,
        contact.languageSet,
        contact.displayName,
        contact.reachable,
        JSON.stringify(contact.choices),
        now,
        turn.interactionAt ?? now,
        contact.id,
      );
      if (dialog === null) await sql.run(`DELETE FROM "DialogState" WHERE "contactId" = ?`, contact.id);
      if (dialog) {
        await sql.run(
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
      await insertOutboxRows(sql, turn.outbox.map(toOutboxRow), now);
    });
  }
}

/** Rows per statement: within both databases' parameter limits, and few distinct texts to prepare. */
const ROWS_PER_INSERT = 50;

/**
 * Queues a turn's replies in one statement (one round trip each on PostgreSQL otherwise). Most turns send
 * one to three messages; a long list (an officer alerting visitors) goes in chunks.
 */
async function insertOutboxRows(sql: Sql, rows: ReturnType<typeof toOutboxRow>[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await sql.run(
      `INSERT INTO "OutboxMessage" ("channel", "externalId", "contactId", "broadcastId", "body", "replyTo",
         "purpose", "status", "attempts", "nextAttemptAt", "createdAt")
       VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)").join(", ")}`,
      ...chunk.flatMap((row) => [
        row.channel,
        row.externalId,
        row.contactId,
        row.broadcastId,
        row.body,
        row.replyTo,
        row.purpose,
        now,
        now,
      ]),
    );
  }
}
