import { parseAudience } from "../features/broadcasts/audience";
import type { RecurringRecord, RecurringStore } from "../features/broadcasts/recurring";
import type { RecurringReminder } from "../generated/sqlite/client";
import type { Db } from "./database";
import { insertOnce } from "./insert-once";

class AlreadyMoved extends Error {
  override readonly name = "AlreadyMoved";
}

/** Prisma implementation of {@link RecurringStore}. */
export class PrismaRecurringStore implements RecurringStore {
  constructor(private readonly db: Db) {}

  async create(input: Omit<RecurringRecord, "active" | "pausedAt">): Promise<RecurringRecord> {
    // The id may be a chat turn's effect id: the turn run again finds the reminder its first run made.
    await insertOnce(input.id, () =>
      this.db.recurringReminder.create({ data: { ...input, audience: JSON.stringify(input.audience) } }),
    );
    return toRecord(await this.db.recurringReminder.findUniqueOrThrow({ where: { id: input.id } }));
  }

  async list(): Promise<RecurringRecord[]> {
    return (await this.db.recurringReminder.findMany({ orderBy: { createdAt: "asc" } })).map(toRecord);
  }

  async due(now: Date): Promise<RecurringRecord[]> {
    return (
      await this.db.recurringReminder.findMany({
        where: { active: true, pausedAt: null, nextRunAt: { lte: now } },
        take: 50,
      })
    ).map(toRecord);
  }

  async materialise(id: string, from: Date, to: Date, broadcastId: string): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        const { count } = await tx.recurringReminder.updateMany({
          where: { id, nextRunAt: from, active: true, pausedAt: null },
          data: { nextRunAt: to },
        });
        if (count !== 1) throw new AlreadyMoved();
        const r = await tx.recurringReminder.findUniqueOrThrow({ where: { id } });
        await tx.broadcast.create({
          data: {
            id: broadcastId,
            text: r.text,
            textEn: r.textEn,
            audience: r.audience,
            sendAt: from,
            createdBy: r.createdBy,
            recurringId: r.id,
          },
        });
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyMoved) return false;
      throw error;
    }
  }

  async deactivate(id: string): Promise<boolean> {
    const { count } = await this.db.recurringReminder.updateMany({
      where: { id, active: true },
      data: { active: false },
    });
    return count === 1;
  }

  async pause(id: string, now: Date): Promise<boolean> {
    const { count } = await this.db.recurringReminder.updateMany({
      where: { id, active: true, pausedAt: null },
      data: { pausedAt: now },
    });
    return count === 1;
  }

  async resume(id: string, nextRunAt: Date): Promise<boolean> {
    const { count } = await this.db.recurringReminder.updateMany({
      where: { id, active: true, pausedAt: { not: null } },
      data: { pausedAt: null, nextRunAt },
    });
    return count === 1;
  }
}

function toRecord(r: RecurringReminder): RecurringRecord {
  return {
    id: r.id,
    text: r.text,
    textEn: r.textEn,
    audience: parseAudience(r.audience),
    every: r.every === "weekly" ? "weekly" : "daily",
    weekday: r.weekday,
    time: r.time,
    nextRunAt: r.nextRunAt,
    active: r.active,
    pausedAt: r.pausedAt,
    createdBy: r.createdBy,
  };
}
