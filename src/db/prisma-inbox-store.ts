import type { ChannelId } from "../core/messages";
import type { InboxRecord, InboxStore } from "../core/ports";
import type { Db } from "./database";

/** Prisma implementation of {@link InboxStore}; the unique (channel, updateKey) index rejects replays. */
export class PrismaInboxStore implements InboxStore {
  constructor(private readonly db: Db) {}

  async append(input: {
    channel: ChannelId;
    updateKey: string;
    conversationKey: string;
    payload: string;
  }): Promise<{ id: number; duplicate: boolean }> {
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
