import type { ChannelId } from "../core/messages";
import type {
  ExposedPerson,
  FollowUpDefinition,
  FollowUpReminderRecord,
  FollowUpStatus,
  FollowUpStore,
  ReminderDelivery,
  ReminderMessage,
  StoredFollowUp,
} from "../features/follow-ups/follow-up-store";
import type { FollowUpReminder } from "../generated/sqlite/client";
import type { Db } from "./database";

/** Prisma implementation of {@link FollowUpStore}. */
export class PrismaFollowUpStore implements FollowUpStore {
  constructor(private readonly db: Db) {}

  async ensureDefinition(d: FollowUpDefinition, createdBy: string): Promise<void> {
    await this.db.followUp.upsert({
      where: { id: d.id },
      create: { ...d, createdBy },
      update: {},
    });
  }

  async definitions(): Promise<StoredFollowUp[]> {
    const rows = await this.db.followUp.findMany({ orderBy: { createdAt: "asc" } });
    return rows.map((r) => ({ ...r, trigger: r.trigger === "exposure" ? "exposure" : null }));
  }

  async exposedSince(followUpId: string, since: Date, limit: number): Promise<ExposedPerson[]> {
    const reached = await this.db.exposureAlertRecipient.findMany({
      where: { createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
    });
    if (reached.length === 0) return [];
    const scheduled = new Set(
      (
        await this.db.followUpReminder.findMany({
          where: { followUpId, detail: { in: [...new Set(reached.map((r) => r.alertId))] } },
          select: { contactId: true, detail: true },
        })
      ).map((r) => `${r.detail}|${r.contactId}`),
    );
    const fresh = reached.filter((r) => !scheduled.has(`${r.alertId}|${r.contactId}`)).slice(0, limit);
    const alerts = new Map(
      (
        await this.db.exposureAlert.findMany({
          where: { id: { in: [...new Set(fresh.map((r) => r.alertId))] } },
        })
      ).map((a) => [a.id, a]),
    );
    const out: ExposedPerson[] = [];
    for (const r of fresh) {
      const alert = alerts.get(r.alertId);
      if (!alert) continue;
      const visit = await this.db.visit.findFirst({
        where: {
          contactId: r.contactId,
          venueId: alert.venueId,
          visitedAt: { gte: alert.windowFrom, lte: alert.windowTo },
        },
        orderBy: { visitedAt: "desc" },
        select: { visitedAt: true },
      });
      out.push({
        contactId: r.contactId,
        alertId: r.alertId,
        visitedAt: visit?.visitedAt ?? null,
        windowTo: alert.windowTo,
      });
    }
    return out;
  }

  async schedule(input: Parameters<FollowUpStore["schedule"]>[0]): Promise<FollowUpReminderRecord> {
    // The id may be a chat turn's effect id: that turn run again keeps the reminder its first run made
    // (instead of stopping it and scheduling a second one).
    const earlier = await this.db.followUpReminder.findUnique({ where: { id: input.id } });
    if (earlier) return toRecord(earlier);
    const sub = await this.db.subscription.findUnique({ where: { contactId: input.contactId } });
    const row = await this.db.$transaction(async (tx) => {
      await tx.followUpReminder.updateMany({
        where: { contactId: input.contactId, followUpId: input.followUpId, status: "active" },
        data: { status: "stopped" },
      });
      return tx.followUpReminder.create({ data: { ...input, communeCode: sub?.communeCode ?? null } });
    });
    return toRecord(row);
  }

  async active(contactId: string): Promise<FollowUpReminderRecord[]> {
    return (
      await this.db.followUpReminder.findMany({
        where: { contactId, status: "active" },
        orderBy: { dueAt: "asc" },
      })
    ).map(toRecord);
  }

  async end(contactId: string, status: "done" | "stopped", id?: string): Promise<number> {
    const { count } = await this.db.followUpReminder.updateMany({
      where: { contactId, status: "active", ...(id ? { id } : {}) },
      data: { status },
    });
    return count;
  }

  async sendDue(
    now: Date,
    render: (r: FollowUpReminderRecord, which: "early" | "due", to: ReminderDelivery) => ReminderMessage,
  ): Promise<number> {
    const due = await this.db.followUpReminder.findMany({
      where: {
        status: "active",
        OR: [
          { earlyAt: { lte: now }, earlySentAt: null },
          { dueAt: { lte: now }, dueSentAt: null },
        ],
      },
      orderBy: { dueAt: "asc" },
      take: 500,
    });
    let queued = 0;
    for (const row of due) {
      const contact = await this.db.contact.findUnique({ where: { id: row.contactId } });
      // On the day, the early reminder is not sent any more: one message says it is today.
      const which = row.dueAt <= now ? "due" : "early";
      const claimed = await this.db.$transaction(async (tx) => {
        const { count } = await tx.followUpReminder.updateMany({
          where:
            which === "due"
              ? { id: row.id, status: "active", dueSentAt: null }
              : { id: row.id, status: "active", earlySentAt: null },
          data:
            which === "due"
              ? { dueSentAt: now, earlySentAt: row.earlySentAt ?? now, status: "done" }
              : { earlySentAt: now },
        });
        if (count !== 1 || !contact?.reachable) return count === 1 ? 0 : -1;
        const to: ReminderDelivery = {
          channel: contact.channel as ChannelId,
          externalId: contact.externalId,
          language: contact.language === "en" ? "en" : "vi",
        };
        const { message, choices } = render(toRecord(row), which, to);
        await tx.outboxMessage.create({
          data: {
            channel: to.channel,
            externalId: to.externalId,
            contactId: contact.id,
            body: JSON.stringify(message),
            purpose: "reminder",
          },
        });
        await tx.contact.update({ where: { id: contact.id }, data: { choices: JSON.stringify(choices) } });
        return 1;
      });
      if (claimed === 1) queued++;
    }
    return queued;
  }

  async countsByCommune(): Promise<{ communeCode: string | null; count: number }[]> {
    const groups = await this.db.followUpReminder.groupBy({
      by: ["communeCode"],
      where: { status: "active" },
      _count: { _all: true },
    });
    return groups.map((g) => ({ communeCode: g.communeCode, count: g._count._all }));
  }

  async countContact(contactId: string): Promise<number> {
    return this.db.followUpReminder.count({ where: { contactId } });
  }

  async eraseContact(contactId: string): Promise<number> {
    return (await this.db.followUpReminder.deleteMany({ where: { contactId } })).count;
  }

  async purgeEndedBefore(before: Date): Promise<number> {
    const { count } = await this.db.followUpReminder.deleteMany({
      where: { OR: [{ status: { not: "active" }, updatedAt: { lt: before } }, { dueAt: { lt: before } }] },
    });
    return count;
  }
}

function toRecord(row: FollowUpReminder): FollowUpReminderRecord {
  return { ...row, status: row.status as FollowUpStatus };
}
