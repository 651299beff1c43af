import type { WebchatEntry, WebchatStore } from "../channels/webchat/webchat-store";
import type { RenderedMessage } from "../core/rendered-message";
import type { Db } from "./database";
import { isUniqueViolation } from "./database-errors";

/** Prisma implementation of {@link WebchatStore}. */
export class PrismaWebchatStore implements WebchatStore {
  constructor(private readonly db: Db) {}

  async appendUser(sessionId: string, text: string): Promise<void> {
    await this.db.webchatMessage.create({
      data: { sessionId, direction: "user", body: JSON.stringify({ text }) },
    });
  }

  async appendBot(sessionId: string, message: RenderedMessage, outboxId?: number): Promise<void> {
    try {
      await this.db.webchatMessage.create({
        data: { sessionId, direction: "bot", body: JSON.stringify(message), outboxId: outboxId ?? null },
      });
    } catch (error) {
      // Delivered before: the process that delivered it died before recording it as sent.
      if (!(outboxId !== undefined && isUniqueViolation(error))) throw error;
    }
  }

  async language(sessionId: string): Promise<string | undefined> {
    const contact = await this.db.contact.findUnique({
      where: { channel_externalId: { channel: "webchat", externalId: sessionId } },
      select: { language: true },
    });
    return contact?.language;
  }

  async listAfter(sessionId: string, afterId: number, limit: number): Promise<WebchatEntry[]> {
    const rows = await this.db.webchatMessage.findMany({
      where: { sessionId, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: limit,
    });
    return rows.map((r): WebchatEntry => {
      const at = r.createdAt.toISOString();
      if (r.direction === "user")
        return { id: r.id, from: "user", text: (JSON.parse(r.body) as { text: string }).text, at };
      return { id: r.id, from: "bot", message: JSON.parse(r.body) as RenderedMessage, at };
    });
  }
}
