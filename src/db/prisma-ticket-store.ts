import type { ChannelId, Language } from "../core/messages";
import type { RenderedChoice } from "../core/ports";
import type {
  ContactAddress,
  TicketFilter,
  TicketMessageRecord,
  TicketRecord,
  TicketStatus,
  TicketStore,
} from "../features/handover/ticket-store";
import type { Ticket } from "../generated/sqlite/client";
import type { Db } from "./database";
import { insertOnce } from "./insert-once";

const NOT_CLOSED = { in: ["open", "waiting"] };

/** Prisma implementation of {@link TicketStore}. */
export class PrismaTicketStore implements TicketStore {
  constructor(private readonly db: Db) {}

  async open(input: Parameters<TicketStore["open"]>[0]): Promise<TicketRecord> {
    const { transcript, now, ...fields } = input;
    const earlier = await this.db.ticket.findUnique({ where: { id: input.id } });
    if (earlier) return toTicket(earlier);
    const row = await this.db.ticket.create({
      data: {
        ...fields,
        lastCitizenAt: now,
        createdAt: now,
        messages: {
          create: [
            ...transcript.map((text) => ({ author: "transcript", text, createdAt: now })),
            { author: "citizen", text: input.question, createdAt: now },
          ],
        },
      },
    });
    return toTicket(row);
  }

  async get(id: string): Promise<TicketRecord | null> {
    const row = await this.db.ticket.findUnique({ where: { id } });
    return row ? toTicket(row) : null;
  }

  async findActive(contactId: string): Promise<TicketRecord | null> {
    const row = await this.db.ticket.findFirst({
      where: { contactId, status: NOT_CLOSED },
      orderBy: { createdAt: "desc" },
    });
    return row ? toTicket(row) : null;
  }

  async findLatest(contactId: string): Promise<TicketRecord | null> {
    const row = await this.db.ticket.findFirst({ where: { contactId }, orderBy: { createdAt: "desc" } });
    return row ? toTicket(row) : null;
  }

  async messages(ticketId: string): Promise<TicketMessageRecord[]> {
    const rows = await this.db.ticketMessage.findMany({ where: { ticketId }, orderBy: { id: "asc" } });
    return rows.map((r) => ({
      id: r.id,
      author: r.author as TicketMessageRecord["author"],
      officerId: r.officerId,
      text: r.text,
      createdAt: r.createdAt,
    }));
  }

  async appendCitizen(ticketId: string, text: string, now: Date, effectId?: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      if (effectId && (await tx.ticketMessage.findUnique({ where: { effectId } }))) return true;
      const changed = await tx.ticket.updateMany({
        where: { id: ticketId, status: NOT_CLOSED },
        data: { status: "open", lastCitizenAt: now },
      });
      if (changed.count === 0) return false;
      await tx.ticketMessage.create({
        data: { ticketId, author: "citizen", text, createdAt: now, effectId: effectId ?? null },
      });
      return true;
    });
  }

  async assign(ticketId: string, officerId: string | null, expected: string | null): Promise<boolean> {
    const changed = await this.db.ticket.updateMany({
      where: { id: ticketId, status: NOT_CLOSED, assigneeId: expected },
      data: { assigneeId: officerId },
    });
    return changed.count > 0;
  }

  async recordAnswer(
    ticketId: string,
    officerId: string,
    text: string,
    now: Date,
    effectId?: string,
  ): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      if (effectId && (await tx.ticketMessage.findUnique({ where: { effectId } }))) return true;
      const changed = await tx.ticket.updateMany({
        where: { id: ticketId, status: NOT_CLOSED },
        data: { status: "waiting" },
      });
      if (changed.count === 0) return false;
      // Only the first answer sets it: the figures measure how long people waited for a person.
      await tx.ticket.updateMany({
        where: { id: ticketId, firstAnsweredAt: null },
        data: { firstAnsweredAt: now },
      });
      await tx.ticketMessage.create({
        data: { ticketId, author: "officer", officerId, text, createdAt: now, effectId: effectId ?? null },
      });
      return true;
    });
  }

  async close(ticketId: string, by: string, now: Date): Promise<boolean> {
    const changed = await this.db.ticket.updateMany({
      where: { id: ticketId, status: NOT_CLOSED },
      data: { status: "closed", closedAt: now, closedBy: by },
    });
    return changed.count > 0;
  }

  async rate(ticketId: string, rating: "up" | "down" | null, comment: string | null): Promise<void> {
    await this.db.ticket.updateMany({
      where: { id: ticketId, status: "closed" },
      data: { ...(rating ? { rating } : {}), ...(comment !== null ? { ratingComment: comment } : {}) },
    });
  }

  async list(filter: TicketFilter): Promise<TicketRecord[]> {
    const communes =
      filter.scope && filter.communes
        ? filter.communes.filter((c) => filter.scope?.includes(c))
        : (filter.communes ?? filter.scope);
    const rows = await this.db.ticket.findMany({
      where: {
        ...(communes ? { communeCode: { in: communes } } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.createdBefore || filter.createdAfter
          ? {
              createdAt: {
                ...(filter.createdBefore ? { lt: filter.createdBefore } : {}),
                ...(filter.createdAfter ? { gte: filter.createdAfter } : {}),
              },
            }
          : {}),
      },
      orderBy: { createdAt: "desc" },
      take: filter.limit ?? 200,
    });
    return rows.map(toTicket);
  }

  async unansweredBefore(cutoff: Date, level: "officers" | "admins"): Promise<TicketRecord[]> {
    const rows = await this.db.ticket.findMany({
      where: {
        status: "open",
        firstAnsweredAt: null,
        createdAt: { lt: cutoff },
        ...(level === "officers" ? { remindedOfficersAt: null } : { remindedAdminsAt: null }),
      },
      orderBy: { createdAt: "asc" },
      take: 100,
    });
    return rows.map(toTicket);
  }

  async markReminded(ticketId: string, level: "officers" | "admins", now: Date): Promise<boolean> {
    const changed = await this.db.ticket.updateMany({
      where:
        level === "officers"
          ? { id: ticketId, remindedOfficersAt: null }
          : { id: ticketId, remindedAdminsAt: null },
      data: level === "officers" ? { remindedOfficersAt: now } : { remindedAdminsAt: now },
    });
    return changed.count > 0;
  }

  async contactAddress(contactId: string): Promise<ContactAddress | null> {
    const c = await this.db.contact.findUnique({ where: { id: contactId } });
    return c
      ? {
          channel: c.channel as ChannelId,
          externalId: c.externalId,
          language: c.language === "en" ? "en" : "vi",
          lastInboundAt: c.lastInboundAt,
        }
      : null;
  }

  async offerChoices(contactId: string, choices: RenderedChoice[]): Promise<void> {
    await this.db.contact.updateMany({
      where: { id: contactId },
      data: { choices: JSON.stringify(choices) },
    });
  }

  async recordMiss(contactId: string, text: string, now: Date, effectId?: string): Promise<void> {
    await insertOnce(effectId, () =>
      this.db.handoverMiss.create({ data: { contactId, text, createdAt: now, effectId: effectId ?? null } }),
    );
  }

  async missesSince(contactId: string, since: Date): Promise<string[]> {
    const rows = await this.db.handoverMiss.findMany({
      where: { contactId, createdAt: { gte: since } },
      orderBy: { id: "asc" },
      take: 10,
    });
    return rows.map((r) => r.text);
  }

  async clearMisses(contactId: string): Promise<void> {
    await this.db.handoverMiss.deleteMany({ where: { contactId } });
  }

  async purge(cutoff: Date, missCutoff: Date): Promise<number> {
    await this.db.handoverMiss.deleteMany({ where: { createdAt: { lt: missCutoff } } });
    const ids = (
      await this.db.ticket.findMany({
        where: { status: "closed", closedAt: { lt: cutoff } },
        select: { id: true },
      })
    ).map((t) => t.id);
    if (ids.length === 0) return 0;
    // Messages first: the cascade is declared, but deleting them explicitly does not depend on the
    // provider's foreign-key settings.
    await this.db.ticketMessage.deleteMany({ where: { ticketId: { in: ids } } });
    return (await this.db.ticket.deleteMany({ where: { id: { in: ids } } })).count;
  }

  async countContact(contactId: string): Promise<number> {
    const [tickets, misses] = await Promise.all([
      this.db.ticket.count({ where: { contactId } }),
      this.db.handoverMiss.count({ where: { contactId } }),
    ]);
    return tickets + misses;
  }

  async eraseContact(contactId: string): Promise<number> {
    const ids = (await this.db.ticket.findMany({ where: { contactId }, select: { id: true } })).map(
      (t) => t.id,
    );
    const messages = await this.db.ticketMessage.deleteMany({ where: { ticketId: { in: ids } } });
    const tickets = await this.db.ticket.deleteMany({ where: { contactId } });
    const misses = await this.db.handoverMiss.deleteMany({ where: { contactId } });
    return messages.count + tickets.count + misses.count;
  }
}

/** A ticket's stored columns, as either store reads them (the SQL store parses its dates first). */
export type TicketColumns = Omit<Ticket, "closedBy" | "updatedAt">;

export function toTicket(row: TicketColumns): TicketRecord {
  return {
    id: row.id,
    contactId: row.contactId,
    channel: row.channel as ChannelId,
    externalId: row.externalId,
    language: (row.language === "en" ? "en" : "vi") as Language,
    communeCode: row.communeCode,
    status: row.status as TicketStatus,
    question: row.question,
    assigneeId: row.assigneeId,
    firstAnsweredAt: row.firstAnsweredAt,
    lastCitizenAt: row.lastCitizenAt,
    closedAt: row.closedAt,
    rating: row.rating === "up" || row.rating === "down" ? row.rating : null,
    ratingComment: row.ratingComment,
    remindedOfficersAt: row.remindedOfficersAt,
    remindedAdminsAt: row.remindedAdminsAt,
    createdAt: row.createdAt,
  };
}
