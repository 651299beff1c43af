import MiniSearch from "minisearch";
import { calibrateConfidence, type MatchEvidence } from "./confidence";
import { toSearchTerms } from "./search-terms";
import type { FaqTopic } from "./topics";

/** Confidence from which the bot answers directly. */
export const ANSWER_THRESHOLD = 0.7;

/** Confidence from which the bot asks "Did you mean …?"; below it the bot falls back to the menu. */
export const SUGGEST_THRESHOLD = 0.5;

/** What the bot should do with a match: answer, offer the guess, or show the menu. */
export type FaqBand = "answer" | "suggest" | "fallback";

/** The matcher's verdict on one question. */
export interface FaqMatch {
  /** Best topic id; null when the band is "fallback". */
  topic: string | null;
  /** Estimated probability (0..1) that the best topic is right, see `calibrateConfidence`. */
  confidence: number;
  /** Up to 3 other likely topic ids, best first. On fallback: the best guesses, for a "popular topics" menu. */
  alternatives: string[];
  band: FaqBand;
}

/** Why the matcher decided as it did: every candidate topic and the evidence for the best one. */
export interface FaqExplanation {
  /** The search terms taken from the question (folded words, then word pairs). */
  terms: string[];
  /** Candidate topics with MiniSearch scores, best first. */
  ranked: { topic: string; score: number }[];
  /** Evidence for the best topic; undefined when nothing matched. */
  evidence: MatchEvidence | undefined;
}

/** Matches free-text citizen questions to FAQ topics. Build once, call `match` per message. */
export interface FaqMatcher {
  /** Classifies one question; never throws. */
  match(question: string): FaqMatch;
  /** Shows the ranking and evidence behind `match`, for tuning and for officers checking topic data. */
  explain(question: string): FaqExplanation;
}

/** Tuning knobs and the optional "not ours" list; thresholds default to the exported constants. */
export interface FaqMatcherOptions {
  answerThreshold?: number;
  suggestThreshold?: number;
  /** Lines describing subjects the bot does not handle (see `loadFaqOutOfScope`); empty by default. */
  outOfScope?: readonly string[];
}

interface TopicDocument {
  id: string;
  examples: string;
  keywords: string;
}

const MAX_ALTERNATIVES = 3;
// Id of the extra "not ours" document; cannot clash with topic ids, which are "group.name".
const OUT_OF_SCOPE_ID = "(out-of-scope)";
// One line per example/keyword, so word pairs never span two different examples.
const LINE = "\n";
// Keywords are short and hand-picked by officers: a hit on one counts more than a hit in an example.
const KEYWORD_BOOST = 1.5;
// Word pairs repeat their words, so they count less towards coverage than a word.
const PAIR_WEIGHT = 0.5;
// A word found only through typo tolerance or prefix is good evidence but not proof.
const INEXACT_CREDIT = 0.6;
// How much more an unmatched word from the "not ours" list weighs than an unmatched unknown word.
const FOREIGN_WEIGHT = 3;

/**
 * Typo tolerance per term. Vietnamese syllables are short and differ by one letter ("tiem"/"tien",
 * "ma"/"mat"), so only words of 5+ letters (English words, merged names, chat spellings) get one edit and
 * words of 9+ letters two. Word pairs are matched exactly.
 */
function fuzzyFor(term: string): number | false {
  if (term.includes("_")) return false;
  if (term.length >= 9) return 2;
  return term.length >= 5 ? 1 : false;
}

/** Prefix search lets "tiemchung" reach "tiemchungcovid19"; short syllables would match too much. */
function prefixFor(term: string): boolean {
  return !term.includes("_") && term.length >= 5;
}

function tokenizeLines(text: string): string[] {
  return text.split(LINE).flatMap(toSearchTerms);
}

/**
 * Builds the FAQ matcher: one MiniSearch document per topic (its examples and its keywords, both languages,
 * as two fields) indexed once. Ranking is MiniSearch's BM25 with fuzzy and prefix matching; confidence is
 * calibrated from coverage, margin and score (see `calibrateConfidence`).
 *
 * @param topics validated topic data (see `loadFaqTopics`)
 * @param options thresholds, defaulting to {@link ANSWER_THRESHOLD} and {@link SUGGEST_THRESHOLD}
 */
export function createFaqMatcher(topics: FaqTopic[], options: FaqMatcherOptions = {}): FaqMatcher {
  const answerThreshold = options.answerThreshold ?? ANSWER_THRESHOLD;
  const suggestThreshold = options.suggestThreshold ?? SUGGEST_THRESHOLD;

  const documents: TopicDocument[] = topics.map((topic) => ({
    id: topic.id,
    examples: [...topic.examples.vi, ...topic.examples.en].join(LINE),
    keywords: [...topic.keywords.vi, ...topic.keywords.en].join(LINE),
  }));
  const index = new MiniSearch<TopicDocument>({
    fields: ["examples", "keywords"],
    tokenize: tokenizeLines,
    // toSearchTerms already folds case and diacritics
    processTerm: (term) => term,
    searchOptions: {
      boost: { keywords: KEYWORD_BOOST },
      fuzzy: fuzzyFor,
      prefix: prefixFor,
      combineWith: "OR",
      // the query arrives as ready-made terms; re-tokenizing would pair the pairs
      tokenize: (text) => text.split(" "),
    },
  });
  index.addAll(documents);
  // Officers write the "not ours" list as comma-separated subjects; each subject is its own line so
  // word pairs do not join neighbouring subjects.
  const outOfScope = (options.outOfScope ?? []).flatMap((line) => line.split(/[,;]/));
  const foreignTerms = new Set(outOfScope.flatMap(toSearchTerms));
  if (outOfScope.length > 0) {
    index.add({ id: OUT_OF_SCOPE_ID, examples: outOfScope.join(LINE), keywords: "" });
  }

  // In how many topics each term appears: a word every topic uses ("pccovid") says little.
  const topicsByTerm = new Map<string, number>();
  for (const doc of documents) {
    for (const term of new Set(tokenizeLines(`${doc.examples}${LINE}${doc.keywords}`))) {
      topicsByTerm.set(term, (topicsByTerm.get(term) ?? 0) + 1);
    }
  }
  const topicCount = Math.max(1, documents.length);
  // Unknown words get the weight of the rarest known word: they are what makes a question off-topic.
  const termWeight = (term: string): number => {
    const idf = Math.log(1 + topicCount / (topicsByTerm.get(term) ?? 1));
    return term.includes("_") ? PAIR_WEIGHT * idf : idf;
  };

  function explain(question: string): FaqExplanation {
    const terms = [...new Set(toSearchTerms(question))];
    if (terms.length === 0) return { terms, ranked: [], evidence: undefined };
    const all = index.search(terms.join(" "));
    const results = all.filter((result) => result.id !== OUT_OF_SCOPE_ID);
    const ranked = results.map((result) => ({ topic: String(result.id), score: result.score }));
    const best = results[0];
    if (best === undefined) return { terms, ranked, evidence: undefined };
    // The "not ours" document competes like a topic: ahead of the best topic it means no margin at all,
    // close behind it narrows the margin.
    const notOurs = all.find((result) => result.id === OUT_OF_SCOPE_ID)?.score ?? 0;

    const matched = new Set(best.queryTerms);
    let total = 0;
    let covered = 0;
    for (const term of terms) {
      const known = matched.has(term);
      // A word the "not ours" list names ("zalo", "kết hôn") and the topic lacks is evidence against it.
      const weight = termWeight(term) * (!known && foreignTerms.has(term) ? FOREIGN_WEIGHT : 1);
      total += weight;
      if (known) covered += topicsByTerm.has(term) ? weight : INEXACT_CREDIT * weight;
    }
    const runnerUp = Math.max(results[1]?.score ?? 0, notOurs);
    const evidence: MatchEvidence = {
      coverage: total > 0 ? covered / total : 0,
      margin: best.score > 0 ? Math.max(0, 1 - runnerUp / best.score) : 0,
      score: best.score,
      termCount: terms.length,
    };
    return { terms, ranked, evidence };
  }

  function match(question: string): FaqMatch {
    const { ranked, evidence } = explain(question);
    const candidates = ranked.slice(0, 1 + MAX_ALTERNATIVES).map((entry) => entry.topic);
    const [best, ...alternatives] = candidates;
    const confidence = evidence === undefined ? 0 : calibrateConfidence(evidence);
    if (best === undefined || confidence < suggestThreshold) {
      return {
        topic: null,
        confidence,
        alternatives: candidates.slice(0, MAX_ALTERNATIVES),
        band: "fallback",
      };
    }
    const band: FaqBand = confidence >= answerThreshold ? "answer" : "suggest";
    return { topic: best, confidence, alternatives, band };
  }

  return { match, explain };
}
