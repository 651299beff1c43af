import type { Logger } from "../../../core/logger";
import { type FaqContent, validateFaqContent } from "./faq-content";
import type { FaqContentStore } from "./faq-content-store";
import {
  buildPublishedFaq,
  type FaqKnowledge,
  type FaqMatchingData,
  type PublishedFaq,
} from "./published-faq";

/**
 * The published FAQ of this process, replaced whole when the content version in the database moves on.
 * A message always reads one complete set (topics, answers and the matcher built from them): the new set is
 * built beside the old one and swapped in by one assignment, so no message sees half of a publish.
 */
export class LiveFaqKnowledge implements FaqKnowledge {
  private published: PublishedFaq;
  private refreshing: Promise<boolean> | undefined;

  constructor(
    private readonly store: FaqContentStore,
    private readonly matching: FaqMatchingData,
    initial: PublishedFaq,
    private readonly logger: Logger,
  ) {
    this.published = initial;
  }

  current(): PublishedFaq {
    return this.published;
  }

  /** Takes a set this process built itself for a version it published (newer versions only). */
  adopt(published: PublishedFaq): void {
    if (published.version > this.published.version) this.published = published;
  }

  /**
   * Rebuilds from the database when its content version differs from ours; true when it did. Concurrent
   * calls share one rebuild. A version bumped while we load is caught by the next call.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<boolean> {
    const version = await this.store.version();
    if (version === this.published.version) return false;
    const topics = usableTopics(await this.store.published(), this.logger);
    this.published = buildPublishedFaq(topics, this.matching, version);
    this.logger.info({ version, topics: topics.length }, "FAQ content reloaded");
    return true;
  }
}

/**
 * The published topics the bot can answer with. Publishing validates first, so a topic that fails here was
 * changed outside the dashboard (a hand-edited row): it is left out and logged, and every other topic still
 * matches. Related topics that are gone are dropped from the buttons by the FAQ feature.
 */
export function usableTopics(topics: FaqContent[], logger: Logger): FaqContent[] {
  const ids = new Set(topics.map((t) => t.id));
  return topics.filter((topic) => {
    const errors = validateFaqContent(topic, ids).filter((e) => e.field !== "related");
    if (errors.length > 0) logger.warn({ topic: topic.id, errors }, "published FAQ topic left out: invalid");
    return errors.length === 0;
  });
}
