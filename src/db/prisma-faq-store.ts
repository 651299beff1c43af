import type { FaqStore } from "../features/faq/faq-store";
import type { Db } from "./database";
import { insertOnce } from "./insert-once";

/** Prisma implementation of {@link FaqStore}. */
export class PrismaFaqStore implements FaqStore {
  constructor(private readonly db: Db) {}

  async recordUnanswered(input: {
    text: string;
    folded: string;
    language: string;
    channel: string;
    contactId?: string;
    effectId?: string;
  }): Promise<void> {
    await insertOnce(input.effectId, () => this.db.faqUnanswered.create({ data: input }));
  }

  async recordFeedback(input: {
    topic: string;
    helpful: boolean;
    contactId: string;
    effectId?: string;
  }): Promise<void> {
    await insertOnce(input.effectId, () => this.db.faqFeedback.create({ data: input }));
  }

  async clusterQuestions(folded: string, limit: number): Promise<string[]> {
    const rows = await this.db.faqUnanswered.findMany({
      where: { folded },
      orderBy: { createdAt: "desc" },
      select: { text: true },
      take: limit * 5,
    });
    return [...new Set(rows.map((r) => r.text.trim()))].slice(0, limit);
  }

  async listUnanswered(limit: number) {
    const groups = await this.db.faqUnanswered.groupBy({
      by: ["folded"],
      _count: { _all: true },
      _max: { createdAt: true, text: true },
      orderBy: [{ _count: { folded: "desc" } }, { folded: "asc" }],
      take: limit,
    });
    return groups.map((g) => ({
      text: g._max.text ?? g.folded,
      folded: g.folded,
      count: g._count._all,
      lastAskedAt: g._max.createdAt ?? new Date(0),
    }));
  }
}
