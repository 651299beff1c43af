/** Storage for what officers learn from the FAQ: unanswered questions and 👍/👎 per topic. */
export interface FaqStore {
  recordUnanswered(input: {
    text: string;
    folded: string;
    language: string;
    channel: string;
    /** Who asked: an erasure request deletes their questions. */
    contactId?: string;
    /** The asking turn's effect id (src/core/effect-id.ts): that turn run again records the question once. */
    effectId?: string;
  }): Promise<void>;
  /** `effectId` as for {@link recordUnanswered}: one vote per update however often its turn runs. */
  recordFeedback(input: {
    topic: string;
    helpful: boolean;
    contactId: string;
    effectId?: string;
  }): Promise<void>;
  /** Unanswered questions grouped by folded text, most asked first. */
  listUnanswered(
    limit: number,
  ): Promise<{ text: string; folded: string; count: number; lastAskedAt: Date }[]>;
  /** The distinct questions of one group (same folded text), newest first: a new topic's examples. */
  clusterQuestions(folded: string, limit: number): Promise<string[]>;
}
