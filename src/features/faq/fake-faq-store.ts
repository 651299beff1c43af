import { askersFrom, type ClusterAsker, countAwaiting, type FaqStore, inScope } from "./faq-store";

interface StoredQuestion {
  id: number;
  text: string;
  folded: string;
  language: string;
  channel: string;
  contactId: string | null;
  communeCode: string | null;
  notifyConsent: boolean | null;
  at: Date;
}

/** In-memory {@link FaqStore}; test/contracts/faq-store.contract.ts holds it to the Prisma store's promises. */
export class FakeFaqStore implements FaqStore {
  readonly unanswered: StoredQuestion[] = [];
  readonly feedback: { topic: string; helpful: boolean; contactId: string }[] = [];
  /** "folded\ncontactId" → who sent the answer. */
  readonly notices = new Map<string, string>();

  async recordUnanswered(input: {
    text: string;
    folded: string;
    language: string;
    channel: string;
    contactId?: string;
    communeCode?: string | null;
    effectId?: string;
  }) {
    const earlier = input.effectId ? this.byEffect.get(input.effectId) : undefined;
    if (earlier !== undefined) return earlier;
    const id = this.unanswered.length + 1;
    if (input.effectId) this.byEffect.set(input.effectId, id);
    const { effectId: _, ...question } = input;
    this.unanswered.push({
      ...question,
      id,
      contactId: input.contactId ?? null,
      communeCode: input.communeCode ?? null,
      notifyConsent: null,
      at: new Date(),
    });
    return id;
  }

  async setNotifyConsent(id: number, contactId: string, agreed: boolean) {
    const row = this.unanswered.find((q) => q.id === id);
    if (!row || row.contactId !== contactId || row.notifyConsent !== null) return false;
    row.notifyConsent = agreed;
    return true;
  }

  async recordFeedback(input: { topic: string; helpful: boolean; contactId: string; effectId?: string }) {
    if (this.seen(input.effectId)) return;
    this.feedback.push({ ...input });
  }

  private readonly effects = new Set<string>();
  /** effect id → the question it recorded (a rerun gets the same id back). */
  private readonly byEffect = new Map<string, number>();

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
    const texts = this.newestFirst()
      .filter((q) => q.folded === folded)
      .map((q) => q.text.trim());
    return [...new Set(texts)].slice(0, limit);
  }

  async clusterAskers(folded: string, scope: string[] | null): Promise<ClusterAsker[]> {
    const told = new Set(
      [...this.notices.keys()]
        .filter((k) => k.startsWith(`${folded}\n`))
        .map((k) => k.slice(folded.length + 1)),
    );
    return askersFrom(
      this.newestFirst().filter((q) => q.folded === folded),
      told,
      scope,
    );
  }

  async awaitingAnswer(scope: string[] | null) {
    return countAwaiting(
      this.newestFirst().filter((q) => inScope(scope, q.communeCode)),
      new Set(this.notices.keys()),
    );
  }

  async claimAnswerNotice(folded: string, contactId: string, actor: string) {
    const key = `${folded}\n${contactId}`;
    if (this.notices.has(key)) return false;
    this.notices.set(key, actor);
    return true;
  }

  async releaseAnswerNotice(folded: string, contactId: string) {
    this.notices.delete(`${folded}\n${contactId}`);
  }

  private newestFirst(): StoredQuestion[] {
    return [...this.unanswered].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
  }
}
