import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "../core/messages";
import type { OutboxItem } from "../core/ports";
import type { AlertContact, AlertStore } from "../features/checkin/visit-store";
import type { Db } from "./database";
import { isUniqueViolation } from "./database-errors";
import { toOutboxRow } from "./outbox-rows";

/** Prisma implementation of {@link AlertStore}; alert messages go through the ordinary outbox. */
export class PrismaAlertStore implements AlertStore {
  constructor(private readonly db: Db) {}

  async contacts(ids: string[]): Promise<AlertContact[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.contact.findMany({ where: { id: { in: ids } } });
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as ChannelId,
      externalId: r.externalId,
      language: r.language === "en" ? "en" : ("vi" satisfies Language),
      reachable: r.reachable,
      lastInboundAt: r.lastInboundAt,
    }));
  }

  async alertFor(input: { venueId: string; from: Date; to: Date; actor: string }): Promise<{ id: string }> {
    const where = {
      venueId_windowFrom_windowTo: { venueId: input.venueId, windowFrom: input.from, windowTo: input.to },
    };
    const existing = await this.db.exposureAlert.findUnique({ where, select: { id: true } });
    if (existing) return existing;
    try {
      return await this.db.exposureAlert.create({
        data: {
          id: randomUUID(),
          venueId: input.venueId,
          windowFrom: input.from,
          windowTo: input.to,
          actor: input.actor,
        },
        select: { id: true },
      });
    } catch (error) {
      // Two officers pressed the button at once: the other request created it.
      if (!isUniqueViolation(error)) throw error;
      return this.db.exposureAlert.findUniqueOrThrow({ where, select: { id: true } });
    }
  }

  async queue(alertId: string, messages: { contactId: string; item: OutboxItem }[]): Promise<string[]> {
    if (messages.length === 0) return [];
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.$transaction(async (tx) => {
          const done = await tx.exposureAlertRecipient.findMany({
            where: { alertId, contactId: { in: messages.map((m) => m.contactId) } },
            select: { contactId: true },
          });
          const skip = new Set(done.map((d) => d.contactId));
          const fresh = messages.filter((m) => !skip.has(m.contactId));
          if (fresh.length === 0) return [];
          // The primary key (alertId, contactId) makes a concurrent duplicate fail the whole transaction,
          // outbox rows included: nobody gets the alert twice.
          await tx.exposureAlertRecipient.createMany({
            data: fresh.map((m) => ({ alertId, contactId: m.contactId })),
          });
          await tx.outboxMessage.createMany({ data: fresh.map((m) => toOutboxRow(m.item)) });
          return fresh.map((m) => m.contactId);
        });
      } catch (error) {
        // Lost a race with an identical request: the retry sees its rows and queues only the rest.
        if (!isUniqueViolation(error) || attempt >= 2) throw error;
      }
    }
  }
}
