import { choicesOf } from "../core/choices";
import type { ChannelId } from "../core/messages";
import type { OutboxItem } from "../core/ports";
import type { IdleDialog, Nudge, NudgeStore } from "../features/venues/venue-nudge";
import { parseObject } from "./conversation-rows";
import type { Db } from "./database";
import { isUniqueViolation } from "./database-errors";
import { toOutboxRow } from "./outbox-rows";

/** Prisma implementation of {@link NudgeStore}: knows dialogs and contacts, not what a draft holds. */
export class PrismaNudgeStore implements NudgeStore {
  constructor(private readonly db: Db) {}

  async idleDialogs(flow: string, before: Date, limit: number): Promise<IdleDialog[]> {
    const dialogs = await this.db.dialogState.findMany({
      where: { flow, updatedAt: { lt: before } },
      orderBy: { updatedAt: "asc" },
      take: limit * 2,
    });
    const out: IdleDialog[] = [];
    for (const d of dialogs) {
      const dialog = { flow: d.flow, step: d.step, data: parseObject(d.data), updatedAt: d.updatedAt };
      const contact = await this.db.contact.findUnique({ where: { id: d.contactId } });
      if (!contact?.reachable) continue;
      out.push({
        contactId: d.contactId,
        dialog,
        address: {
          channel: contact.channel as ChannelId,
          externalId: contact.externalId,
          language: contact.language === "en" ? "en" : "vi",
        },
      });
      if (out.length >= limit) break;
    }
    return out;
  }

  async nudged(contactIds: string[]): Promise<Nudge[]> {
    return this.db.venueNudge.findMany({
      where: { contactId: { in: contactIds } },
      select: { contactId: true, startedAt: true },
    });
  }

  async recordAndQueue(nudge: Nudge, item: OutboxItem): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        await tx.venueNudge.create({ data: { contactId: nudge.contactId, startedAt: nudge.startedAt } });
        await tx.outboxMessage.create({ data: toOutboxRow(item) });
        const choices = choicesOf([item.message]);
        if (choices.length > 0) {
          await tx.contact.update({
            where: { id: nudge.contactId },
            data: { choices: JSON.stringify(choices) },
          });
        }
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
