import type { ChannelId } from "../core/messages";
import { MicroBatch } from "../core/micro-batch";
import type { InboxRecord, InboxStore } from "../core/ports";
import type { Db } from "./database";

type NewUpdate = { channel: ChannelId; updateKey: string; conversationKey: string; payload: string };
type Appended = { id: number; duplicate: boolean };

/**
 * Prisma implementation of {@link InboxStore}; the unique (channel, updateKey) index rejects replays.
 * Updates arriving together are stored by one statement (group commit): under load a webhook's answer
 * waits for one INSERT shared with its neighbours instead of queueing behind one INSERT each.
 */
export class PrismaInboxStore implements InboxStore {
  private readonly batch = new MicroBatch<NewUpdate, Appended>((items) => this.appendMany(items), 1, 100);

  constructor(private readonly db: Db) {}

  append(input: NewUpdate): Promise<Appended> {
    return this.batch.add(input);
  }

  private async appendMany(items: NewUpdate[]): Promise<Appended[]> {
    if (items.length > 1) {
      try {
        const rows = await this.db.inboxUpdate.createManyAndReturn({
          data: items,
          select: { id: true, channel: true, updateKey: true },
        });
        const ids = new Map(rows.map((r) => [`${r.channel}\n${r.updateKey}`, r.id]));
        return items.map((i) => {
          const id = ids.get(`${i.channel}\n${i.updateKey}`);
          if (id === undefined) throw new Error("stored inbox row missing from RETURNING");
          return { id, duplicate: false };
        });
      } catch (error) {
        // A replay in the batch fails the statement as a whole (SQLite has no skipDuplicates): store the
        // batch one by one then, which tells the replay from the rest. Replays are rare.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    const results: Appended[] = [];
    for (const item of items) results.push(await this.appendOne(item));
    return results;
  }

  private async appendOne(input: NewUpdate): Promise<Appended> {
    try {
      const row = await this.db.inboxUpdate.create({ data: input, select: { id: true } });
      return { id: row.id, duplicate: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.db.inboxUpdate.findUniqueOrThrow({
        where: { channel_updateKey: { channel: input.channel, updateKey: input.updateKey } },
        select: { id: true },
      });
      return { id: existing.id, duplicate: true };
    }
  }

  async pendingFor(conversationKey: string, limit: number): Promise<InboxRecord[]> {
    const rows = await this.db.inboxUpdate.findMany({
      where: { conversationKey, status: "pending" },
      orderBy: { id: "asc" },
      take: limit,
    });
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as ChannelId,
      updateKey: r.updateKey,
      conversationKey: r.conversationKey,
      payload: r.payload,
      attempts: r.attempts,
    }));
  }

  async pendingConversations(limit: number): Promise<string[]> {
    const rows = await this.db.inboxUpdate.findMany({
      where: { status: "pending" },
      distinct: ["conversationKey"],
      select: { conversationKey: true },
      orderBy: { id: "asc" },
      take: limit,
    });
    return rows.map((r) => r.conversationKey);
  }

  async markFailed(id: number, error: string, final: boolean): Promise<void> {
    await this.db.inboxUpdate.update({
      where: { id },
      data: {
        attempts: { increment: 1 },
        error: error.slice(0, 1000),
        ...(final ? { status: "failed" } : {}),
      },
    });
  }

  async markDone(id: number): Promise<void> {
    await this.db.inboxUpdate.update({ where: { id }, data: { status: "done", processedAt: new Date() } });
  }

  async status(id: number): Promise<string | null> {
    const row = await this.db.inboxUpdate.findUnique({ where: { id }, select: { status: true } });
    return row?.status ?? null;
  }
}

/** P2002 is Prisma's unique-constraint error; checked by code because each generated client has its own class. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
