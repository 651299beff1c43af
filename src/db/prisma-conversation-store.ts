import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "../core/messages";
import type {
  ContactRecord,
  ConversationStore,
  DialogRecord,
  RenderedChoice,
  TurnCommit,
} from "../core/ports";
import type { Contact } from "../generated/sqlite/client";
import type { Db } from "./database";
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
    const row = await this.db.contact.upsert({
      where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
      create: {
        id: randomUUID(),
        channel: input.channel,
        externalId: input.externalId,
        displayName: input.displayName ?? null,
        language: input.language,
      },
      update: {},
    });
    return toContact(row);
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

function toContact(row: Contact): ContactRecord {
  return {
    id: row.id,
    channel: row.channel as ChannelId,
    externalId: row.externalId,
    displayName: row.displayName,
    language: row.language === "en" ? "en" : "vi",
    languageSet: row.languageSet,
    reachable: row.reachable,
    choices: parseChoices(row.choices),
  };
}

function parseObject(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function parseChoices(json: string): RenderedChoice[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is RenderedChoice =>
      typeof c === "object" && c !== null && typeof c.label === "string" && typeof c.payload === "string",
  );
}
