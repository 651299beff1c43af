/** Someone who asked a question of a cluster (the same folded text), as closing the loop sees them. */
export interface ClusterAsker {
  contactId: string;
  /** Their commune in force when they asked; null when unknown (seen only by district-wide officers). */
  communeCode: string | null;
  /** Their latest wording of the question, as stored (masked): the answer reminds them what they asked. */
  question: string;
  /** True when they agreed, on any of their questions of the cluster, to be told of an answer. */
  agreed: boolean;
  /** True when an answer for this cluster was already sent to them. */
  told: boolean;
}

/** Storage for what officers learn from the FAQ: unanswered questions and 👍/👎 per topic. */
export interface FaqStore {
  /** Keeps a question; returns its id (the person's yes/no to being told of an answer refers to it). */
  recordUnanswered(input: {
    text: string;
    folded: string;
    language: string;
    channel: string;
    /** Who asked: an erasure request deletes their questions. */
    contactId?: string;
    /** The asker's commune in force, when known: officers send answers only within their communes. */
    communeCode?: string | null;
    /** The asking turn's effect id (src/core/effect-id.ts): that turn run again records the question once. */
    effectId?: string;
  }): Promise<number>;
  /**
   * The person's answer to "shall we tell you when officers answer?" for their own question, once: false when
   * the question is not theirs (a forged button), is gone, or was answered before.
   */
  setNotifyConsent(id: number, contactId: string, agreed: boolean): Promise<boolean>;
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
  /**
   * The people who asked a question of the cluster, one entry each, whose commune is in `scope` (stored codes;
   * null = everyone, those of unknown commune included).
   */
  clusterAskers(folded: string, scope: string[] | null): Promise<ClusterAsker[]>;
  /** Per cluster, how many people in `scope` agreed to be told and were not told yet (clusters with none left out). */
  awaitingAnswer(scope: string[] | null): Promise<Map<string, number>>;
  /**
   * Claims the one answer this person gets for this cluster; false when it was claimed before (a repeated or
   * concurrent send), so each person is told once.
   */
  claimAnswerNotice(folded: string, contactId: string, actor: string): Promise<boolean>;
  /** Gives a claim back when its message could not be queued, so a later send may try again. */
  releaseAnswerNotice(folded: string, contactId: string): Promise<void>;
}

/** Whether a commune is within a viewer's scope (null = the whole district, unknown communes included). */
export function inScope(scope: string[] | null, communeCode: string | null): boolean {
  return scope === null || (communeCode !== null && scope.includes(communeCode));
}

/**
 * Folds stored question rows (newest first) into one asker per person: the latest wording, and the latest
 * yes/no they gave on a question of the cluster. Shared by the Prisma store and the fake so both read alike.
 */
export function askersFrom(
  rows: {
    contactId: string | null;
    communeCode: string | null;
    text: string;
    notifyConsent: boolean | null;
  }[],
  told: ReadonlySet<string>,
  scope: string[] | null,
): ClusterAsker[] {
  const byContact = new Map<string, ClusterAsker & { decided: boolean }>();
  for (const row of rows) {
    if (!row.contactId || !inScope(scope, row.communeCode)) continue;
    const seen = byContact.get(row.contactId);
    if (seen) {
      if (!seen.decided && row.notifyConsent !== null)
        Object.assign(seen, { decided: true, agreed: row.notifyConsent });
      continue;
    }
    byContact.set(row.contactId, {
      contactId: row.contactId,
      communeCode: row.communeCode,
      question: row.text,
      agreed: row.notifyConsent === true,
      decided: row.notifyConsent !== null,
      told: told.has(row.contactId),
    });
  }
  return [...byContact.values()].map(({ decided: _, ...asker }) => asker);
}

/**
 * People waiting for an answer per cluster: their latest yes/no there is yes and nobody told them yet.
 * `rows` are newest first; `told` holds "folded\ncontactId".
 */
export function countAwaiting(
  rows: { folded: string; contactId: string | null; notifyConsent: boolean | null }[],
  told: ReadonlySet<string>,
): Map<string, number> {
  const decided = new Set<string>();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.folded}\n${row.contactId}`;
    if (!row.contactId || row.notifyConsent === null || decided.has(key)) continue;
    decided.add(key);
    if (row.notifyConsent && !told.has(key)) counts.set(row.folded, (counts.get(row.folded) ?? 0) + 1);
  }
  return counts;
}
