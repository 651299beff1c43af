import { readFileSync } from "node:fs";
import { type AskedQuestion, loadAskedQuestions } from "../asked-questions";
import type { ClassifierCache } from "../classifier-cache";
import { createFaqMatcher, type FaqMatcher } from "../matcher";
import { type FaqOutOfScopeCategory, loadFaqOutOfScope } from "../out-of-scope";
import { FAQ_TOPIC_CONTENT } from "../topic-content";
import { type FaqTopic, type FaqTopicId, loadFaqTopics } from "../topics";
import type { FaqContent } from "./faq-content";

/** The published topics, in menu order, with the matcher built from exactly them. Never changed once built. */
export interface PublishedFaq {
  readonly topics: readonly FaqContent[];
  readonly byId: ReadonlyMap<string, FaqContent>;
  readonly matcher: FaqMatcher;
  /** The content version it was built from (0 for the files). */
  readonly version: number;
}

/** Where the FAQ feature reads the current published set from, at every message. */
export interface FaqKnowledge {
  current(): PublishedFaq;
}

/** A knowledge source that never changes (tests, scripts). */
export function fixedFaqKnowledge(published: PublishedFaq): FaqKnowledge {
  return { current: () => published };
}

/**
 * Builds the matcher for a set of topics. The matcher names documents by topic id and reads only examples and
 * keywords, so a topic officers added (an id outside FAQ_TOPIC_IDS) is indexed the same way.
 */
export function buildPublishedFaq(
  topics: readonly FaqContent[],
  matching: FaqMatchingData,
  version: number,
): PublishedFaq {
  const matcherTopics: FaqTopic[] = topics.map((topic) => ({
    // The id is only a document name to the matcher; FaqTopicId exists to check the shipped files.
    id: topic.id as FaqTopicId,
    group: topic.group,
    ...(topic.action ? { action: topic.action } : {}),
    keywords: topic.keywords,
    examples: topic.examples,
  }));
  return {
    topics,
    byId: new Map(topics.map((topic) => [topic.id, topic])),
    // No topics yet (the stand-in until start-up has loaded them): nothing to train, and training the
    // "not ours" classes alone cost ~0.1 s of every start.
    matcher: createFaqMatcher(
      matcherTopics,
      topics.length === 0
        ? {}
        : {
            outOfScope: matching.outOfScope,
            asked: matching.asked,
            ...(matching.classifierCache ? { classifierCache: matching.classifierCache } : {}),
          },
    ),
    version,
  };
}

/** A shipped topic's review date: a year after it was last checked (the seed has no better date to give). */
function reviewDateOf(validAsOf: string): string {
  const [year = "2000", rest = "01-01"] = [validAsOf.slice(0, 4), validAsOf.slice(5)];
  return `${Number(year) + 1}-${rest}`;
}

/** Source note of shipped topics: true of every one of them, and where an officer finds the sources. */
export const SEED_SOURCE_NOTE =
  "Nội dung phát hành cùng phần mềm (locales/vi/faq.json, locales/en/faq.json); nguồn được ghi trong câu trả lời.";

/**
 * The topics as the files ship them (`locales/faq-topics.json` for matching, `locales/<lng>/faq.json` for the
 * words, src/features/faq/topic-content.ts for dates and related topics): the seed of a fresh install.
 */
export function loadSeedFaqContent(localesDir: string): FaqContent[] {
  const read = (name: string): unknown => JSON.parse(readFileSync(`${localesDir}/${name}`, "utf8"));
  const words = { vi: read("vi/faq.json"), en: read("en/faq.json") };
  return loadFaqTopics(read("faq-topics.json")).map((topic) => {
    const { validAsOf, related } = FAQ_TOPIC_CONTENT[topic.id];
    const text = (lang: "vi" | "en", field: "title" | "answer") =>
      stringAt(words[lang], [...topic.id.split("."), field]);
    return {
      id: topic.id,
      group: topic.group,
      ...(topic.action ? { action: topic.action } : {}),
      title: { vi: text("vi", "title"), en: text("en", "title") },
      answer: { vi: text("vi", "answer"), en: text("en", "answer") },
      examples: { vi: [...topic.examples.vi], en: [...topic.examples.en] },
      keywords: { vi: [...topic.keywords.vi], en: [...topic.keywords.en] },
      related: [...related],
      validAsOf,
      reviewBy: reviewDateOf(validAsOf),
      sourceNote: SEED_SOURCE_NOTE,
    };
  });
}

/** The "not ours" categories (they stay in `locales/faq-out-of-scope.json`: matching data, not answers). */
export function loadOutOfScope(localesDir: string): FaqOutOfScopeCategory[] {
  return loadFaqOutOfScope(JSON.parse(readFileSync(`${localesDir}/faq-out-of-scope.json`, "utf8")));
}

/**
 * What the matcher learns from besides the topics officers edit: it ships in the files, is the same for every
 * content version, and is read once per process.
 */
export interface FaqMatchingData {
  /** The "not ours" subjects, with where to ask instead. */
  outOfScope: readonly FaqOutOfScopeCategory[];
  /** Labelled questions as people type them, for the classifier. */
  asked: readonly AskedQuestion[];
  /** Where the trained classifier is kept between starts (a built server's; see `classifier-cache.ts`). */
  classifierCache?: ClassifierCache;
}

export function loadMatchingData(localesDir: string): FaqMatchingData {
  return { outOfScope: loadOutOfScope(localesDir), asked: loadAskedQuestions(localesDir) };
}

/** The published set as the files describe it, for tests and scripts that run without a database. */
export function loadPublishedFaqFromFiles(localesDir: string): PublishedFaq {
  return buildPublishedFaq(loadSeedFaqContent(localesDir), loadMatchingData(localesDir), 0);
}

function stringAt(json: unknown, path: string[]): string {
  let node: unknown = json;
  for (const key of path)
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === "string" ? node : "";
}
