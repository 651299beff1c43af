import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "../core/messages";
import type { ContactRecord, ConversationStore, DialogRecord, TurnCommit } from "../core/ports";
import { parseObject, toContact } from "./conversation-rows";
import type { Db } from "./database";
import { isUniqueViolation } from "./prisma-inbox-store";
import { toOutboxRow } from "./prisma-outbox-store";

/** Prisma implementation of {@link ConversationStore}. */
export class PrismaConversationStore implements ConversationStore {
  constructor(private readonly db: Db) {}

  async upsertContact(input: {
    channel: ChannelId;
    externalId: string;
    displayName?: string;
    language: Language;
  }): Promise<ContactRecord> {
    // Read first: nearly every turn is from someone we know, and a read is one statement where Prisma's
    // upsert is a transaction of three. Two first messages racing meet the unique index; read again then.
    const where = { channel_externalId: { channel: input.channel, externalId: input.externalId } };
    const known = await this.db.contact.findUnique({ where });
    if (known) return toContact(known);
    try {
      const row = await this.db.contact.create({
        data: {
          id: randomUUID(),
          channel: input.channel,
          externalId: input.externalId,
          displayName: input.displayName ?? null,
          language: input.language,
        },
      });
      return toContact(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return toContact(await this.db.contact.findUniqueOrThrow({ where }));
    }
  }

  async getDialog(contactId: string): Promise<DialogRecord | null> {
    const row = await this.db.dialogState.findUnique({ where: { contactId } });
    if (!row) return null;
    return { flow: row.flow, step: row.step, data: parseObject(row.data), updatedAt: row.updatedAt };
  }

  async commitTurn(turn: TurnCommit): Promise<void> {
    const { contact, dialog } = turn;
    await this.db.$transaction(async (tx) => {
      await tx.contact.update({
        where: { id: contact.id },
        data: {
          language: contact.language,
          languageSet: contact.languageSet,
          displayName: contact.displayName,
          reachable: contact.reachable,
          choices: JSON.stringify(contact.choices),
        },
      });
      if (dialog === null) await tx.dialogState.deleteMany({ where: { contactId: contact.id } });
      if (dialog) {
        const data = { flow: dialog.flow, step: dialog.step, data: JSON.stringify(dialog.data) };
        await tx.dialogState.upsert({
          where: { contactId: contact.id },
          create: { contactId: contact.id, ...data },
          update: data,
        });
      }
      if (turn.outbox.length > 0) {
        await tx.outboxMessage.createMany({ data: turn.outbox.map(toOutboxRow) });
      }
      await tx.inboxUpdate.update({
        where: { id: turn.inboxId },
        data: { status: "done", processedAt: new Date(), attempts: { increment: 1 } },
      });
    });
  }
}
