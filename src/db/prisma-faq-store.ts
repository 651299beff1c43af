import {
  askersFrom,
  type ClusterAsker,
  countAwaiting,
  type FaqStore,
  inScope,
} from "../features/faq/faq-store";
import type { Db } from "./database";
import { isUniqueViolation } from "./database-errors";
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
    communeCode?: string | null;
    effectId?: string;
  }): Promise<number> {
    try {
      return (await this.db.faqUnanswered.create({ data: input, select: { id: true } })).id;
    } catch (error) {
      // The asking turn run again (docs/adr/016): the first run's row, so its consent question still fits.
      if (!input.effectId || !isUniqueViolation(error)) throw error;
      const first = await this.db.faqUnanswered.findUnique({
        where: { effectId: input.effectId },
        select: { id: true },
      });
      if (!first) throw error;
      return first.id;
    }
  }

  async setNotifyConsent(id: number, contactId: string, agreed: boolean): Promise<boolean> {
    // Conditional: only the asker's own row, only once (a second tap or a forged id changes nothing).
    const { count } = await this.db.faqUnanswered.updateMany({
      where: { id, contactId, notifyConsent: null },
      data: { notifyConsent: agreed },
    });
    return count === 1;
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

  async clusterAskers(folded: string, scope: string[] | null): Promise<ClusterAsker[]> {
    const [rows, notices] = await Promise.all([
      this.db.faqUnanswered.findMany({
        where: { folded, contactId: { not: null } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { contactId: true, communeCode: true, text: true, notifyConsent: true },
      }),
      this.db.faqAnswerNotice.findMany({ where: { folded }, select: { contactId: true } }),
    ]);
    return askersFrom(rows, new Set(notices.map((n) => n.contactId)), scope);
  }

  async awaitingAnswer(scope: string[] | null): Promise<Map<string, number>> {
    const [rows, notices] = await Promise.all([
      this.db.faqUnanswered.findMany({
        where: { notifyConsent: { not: null }, contactId: { not: null } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { folded: true, contactId: true, communeCode: true, text: true, notifyConsent: true },
      }),
      this.db.faqAnswerNotice.findMany({ select: { folded: true, contactId: true } }),
    ]);
    return countAwaiting(
      rows.filter((r) => inScope(scope, r.communeCode)),
      new Set(notices.map((n) => `${n.folded}\n${n.contactId}`)),
    );
  }

  async claimAnswerNotice(folded: string, contactId: string, actor: string): Promise<boolean> {
    try {
      await this.db.faqAnswerNotice.create({ data: { folded, contactId, actor } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async releaseAnswerNotice(folded: string, contactId: string): Promise<void> {
    await this.db.faqAnswerNotice.deleteMany({ where: { folded, contactId } });
  }
}
