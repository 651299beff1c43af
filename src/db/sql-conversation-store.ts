import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "../core/messages";
import { MicroBatch } from "../core/micro-batch";
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

export interface SqlConversationStoreOptions {
  /**
   * Commit turns that finish together in one transaction (group commit). Pays on the embedded database,
   * where each commit costs the one thread that also answers webhooks, and the turns' shared pages (the
   * inbox's and the outbox's) are written to the log once. Off on PostgreSQL, where turns commit on their own
   * connections in parallel and a shared transaction would make each wait for the others' round trips.
   */
  groupCommit?: boolean;
}

/** Turns in one group commit at most: bounds how long the connection is held for one transaction. */
const TURNS_PER_COMMIT = 32;

/**
 * Conversation state in plain SQL (docs/adr/008-sqlite-hot-path.md): these three calls run for every
 * message, so they are most of the database work of a turn.
 */
export class SqlConversationStore implements ConversationStore {
  private readonly commits: MicroBatch<TurnCommit, Error | undefined> | undefined;

  constructor(
    private readonly database: SqlDatabase,
    options: SqlConversationStoreOptions = {},
  ) {
    if (options.groupCommit) {
      this.commits = new MicroBatch((turns) => this.commitMany(turns), 0, TURNS_PER_COMMIT);
    }
  }

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

  /**
   * Turns of different conversations that finish together commit in one transaction (see
   * {@link SqlConversationStoreOptions.groupCommit}); otherwise each commits alone.
   */
  async commitTurn(turn: TurnCommit): Promise<void> {
    if (!this.commits) return this.commitAlone(turn);
    const failure = await this.commits.add(turn);
    if (failure) throw failure;
  }

  private async commitAlone(turn: TurnCommit): Promise<void> {
    await this.database.transaction(async (sql) => {
      if (!(await writeTurn(sql, turn, new Date()))) throw new TurnAlreadyCommitted(turn.inboxId);
    });
  }

  /**
   * One transaction for the turns that finished together; each turn's result comes back on its own. A turn
   * whose update was processed elsewhere writes nothing (its first statement is the check) and the others
   * commit. A statement that fails takes the whole transaction with it, so then every turn is committed
   * alone, and only the turn at fault fails.
   */
  private async commitMany(turns: TurnCommit[]): Promise<(Error | undefined)[]> {
    const alone = (turn: TurnCommit) =>
      this.commitAlone(turn).then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      );
    if (turns.length === 1) return [await alone(turns[0] as TurnCommit)];
    const now = new Date();
    try {
      return await this.database.transaction(async (sql) => {
        const results: (Error | undefined)[] = [];
        for (const turn of turns) {
          results.push(
            (await writeTurn(sql, turn, now)) ? undefined : new TurnAlreadyCommitted(turn.inboxId),
          );
        }
        return results;
      });
    } catch {
      const results: (Error | undefined)[] = [];
      for (const turn of turns) results.push(await alone(turn));
      return results;
    }
  }
}

/**
 * A turn's writes; false, with nothing written, when its update is no longer pending. The check goes first:
 * a turn commits at most once per update, even if two processes ran it (the second one waits here for the
 * first to commit, then finds the update done and stores nothing).
 */
async function writeTurn(sql: Sql, turn: TurnCommit, now: Date): Promise<boolean> {
  const { contact, dialog } = turn;
  const done = await sql.run(
    `UPDATE "InboxUpdate" SET "status" = 'done', "processedAt" = ?, "attempts" = "attempts" + 1
     WHERE "id" = ? AND "status" = 'pending'`,
    now,
    turn.inboxId,
  );
  if (done === 0) return false;
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
  return true;
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
