import { join } from "node:path";
import type { FaqContent } from "../../src/features/faq/content/faq-content";
import { loadSeedFaqContent } from "../../src/features/faq/content/published-faq";

/** The shipped topics, as a fresh install seeds them. */
export const SEED = loadSeedFaqContent(join(import.meta.dirname, "../../locales"));

/** A shipped topic by id (throws on a typo, so a test cannot pass on nothing). */
export function seedTopic(id: string): FaqContent {
  const found = SEED.find((t) => t.id === id);
  if (!found) throw new Error(`no seed topic ${id}`);
  return found;
}

/** The dashboard's edit form filled with a topic, as a browser would send it. */
export function topicFields(topic: FaqContent): Record<string, string> {
  return {
    id: topic.id,
    group: topic.group,
    action: topic.action ?? "",
    title_vi: topic.title.vi,
    title_en: topic.title.en,
    answer_vi: topic.answer.vi,
    answer_en: topic.answer.en,
    examples_vi: topic.examples.vi.join("\r\n"),
    examples_en: topic.examples.en.join("\r\n"),
    keywords_vi: topic.keywords.vi.join("\r\n"),
    keywords_en: topic.keywords.en.join("\r\n"),
    related: topic.related.join(" "),
    validAsOf: topic.validAsOf,
    reviewBy: topic.reviewBy,
    sourceNote: topic.sourceNote,
  };
}
