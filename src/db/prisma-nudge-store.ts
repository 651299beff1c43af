import type { ChannelId } from "../core/messages";
import type { OutboxItem } from "../core/ports";
import type { NudgeStore, StaleDraft } from "../features/nudges/venue-nudge";
import type { Db } from "./database";
import { isUniqueViolation } from "./database-errors";
import { toOutboxRow } from "./outbox-rows";

/** Prisma implementation of {@link NudgeStore}. */
export class PrismaNudgeStore implements NudgeStore {
  constructor(private readonly db: Db) {}

  async staleVenueDrafts(before: Date, limit: number): Promise<StaleDraft[]> {
    const dialogs = await this.db.dialogState.findMany({
      where: { flow: "venue", updatedAt: { lt: before } },
      orderBy: { updatedAt: "asc" },
      take: limit * 2,
    });
    const out: StaleDraft[] = [];
    for (const d of dialogs) {
      const data = JSON.parse(d.data) as { mode?: string; startedAt?: string; name?: string };
      // Editing an existing venue is not a registration left halfway.
      if (data.mode !== "new" || !data.startedAt) continue;
      const nudged = await this.db.venueNudge.findUnique({
        where: { contactId_startedAt: { contactId: d.contactId, startedAt: data.startedAt } },
      });
      if (nudged) continue;
      const contact = await this.db.contact.findUnique({ where: { id: d.contactId } });
      if (!contact?.reachable) continue;
      out.push({
        contactId: d.contactId,
        startedAt: data.startedAt,
        name: data.name ?? null,
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

  async recordAndQueue(draft: StaleDraft, item: OutboxItem): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        await tx.venueNudge.create({ data: { contactId: draft.contactId, startedAt: draft.startedAt } });
        await tx.outboxMessage.create({ data: toOutboxRow(item) });
        if (item.message.kind === "text" && item.message.buttons) {
          const choices = item.message.buttons.flat().map((b) => ({ label: b.label, payload: b.payload }));
          await tx.contact.update({
            where: { id: draft.contactId },
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
