import type { FaqStore } from "./faq-store";

/** In-memory {@link FaqStore}; test/contracts/faq-store.contract.ts holds it to the Prisma store's promises. */
export class FakeFaqStore implements FaqStore {
  readonly unanswered: { text: string; folded: string; language: string; channel: string; at: Date }[] = [];
  readonly feedback: { topic: string; helpful: boolean; contactId: string }[] = [];

  async recordUnanswered(input: {
    text: string;
    folded: string;
    language: string;
    channel: string;
    /** Who asked: an erasure request deletes their questions. */
    contactId?: string;
    effectId?: string;
  }) {
    if (this.seen(input.effectId)) return;
    this.unanswered.push({ ...input, at: new Date() });
  }

  async recordFeedback(input: { topic: string; helpful: boolean; contactId: string; effectId?: string }) {
    if (this.seen(input.effectId)) return;
    this.feedback.push({ ...input });
  }

  private readonly effects = new Set<string>();

  /** An effect id met before: the Prisma store's unique column, in memory. */
  private seen(effectId: string | undefined): boolean {
    if (effectId === undefined) return false;
    if (this.effects.has(effectId)) return true;
    this.effects.add(effectId);
    return false;
  }

  async listUnanswered(limit: number) {
    const groups = new Map<string, { folded: string; text: string; count: number; lastAskedAt: Date }>();
    for (const q of this.unanswered) {
      const group = groups.get(q.folded);
      if (!group) {
        groups.set(q.folded, { folded: q.folded, text: q.text, count: 1, lastAskedAt: q.at });
        continue;
      }
      group.count++;
      // The database keeps the greatest of the wordings and the latest time, each on its own.
      if (q.text > group.text) group.text = q.text;
      if (q.at > group.lastAskedAt) group.lastAskedAt = q.at;
    }
    return [...groups.values()]
      .sort((a, b) => b.count - a.count || (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0))
      .slice(0, limit)
      .map(({ text, folded, count, lastAskedAt }) => ({ text, folded, count, lastAskedAt }));
  }

  async clusterQuestions(folded: string, limit: number) {
    const texts = this.unanswered
      .filter((q) => q.folded === folded)
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((q) => q.text.trim());
    return [...new Set(texts)].slice(0, limit);
  }
}
