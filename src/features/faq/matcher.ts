import type { AskedQuestion } from "./asked-questions";
import type { ClassifierCache, LabelledLine } from "./classifier-cache";
import { calibrateConfidence, type MatchEvidence } from "./confidence";
import type { FaqOutOfScopeCategory } from "./out-of-scope";
import { toSearchWords, withPairs } from "./search-terms";
import { type ScoredDocument, TermIndex } from "./term-index";
import { TopicClassifier } from "./topic-classifier";
import type { FaqGroup, FaqTopic } from "./topics";

/** Confidence from which the bot answers directly. */
export const ANSWER_THRESHOLD = 0.7;

/**
 * Confidence from which the bot asks "Did you mean …?"; below it the bot falls back to the menu. Chosen by
 * `faq:match -- --calibrate` (each asked file scored by a matcher that never learned it) as the threshold where
 * the lower of in-scope top-1 and off-topic rejection is highest, ties to more rejection (0.953 / 0.956 there on
 * 2026-12-04; the held-out figures are in heldout.test.ts).
 */
export const SUGGEST_THRESHOLD = 0.25;

/** What the bot should do with a match: answer, offer the guess, or show the menu. */
export type FaqBand = "answer" | "suggest" | "fallback";

/** The matcher's verdict on one question. */
export interface FaqMatch {
  /** Best topic id; null when the band is "fallback". */
  topic: string | null;
  /** Estimated probability (0..1) that the best topic is right, see `calibrateConfidence`. */
  confidence: number;
  /**
   * Up to 3 other topic ids that are genuinely plausible (their score is close to the best one's), best
   * first; empty when nothing else comes close. On fallback: the plausible guesses, possibly none.
   */
  alternatives: string[];
  band: FaqBand;
  /** On fallback: the category of "not ours" subjects the question fits best, when one fits better than any topic. */
  outOfScope?: string;
  /**
   * On fallback: the menu group of the app the question names ("pc covid bị lỗi" → pccovid), so the person
   * can be asked which of its problems they have rather than told nothing was understood.
   */
  app?: FaqGroup;
}

/** Why the matcher decided as it did: every candidate topic and the evidence for the best one. */
export interface FaqExplanation {
  /** The search terms taken from the question (folded words, typos corrected, then word pairs). */
  terms: string[];
  /** Candidate topics with BM25 scores, best first. */
  ranked: { topic: string; score: number }[];
  /** The best-fitting "not ours" category, if any matched. */
  outOfScope: { category: string; score: number } | undefined;
  /** Evidence for the best topic; undefined when nothing matched. */
  evidence: MatchEvidence | undefined;
  /**
   * The "not ours" category whose service the question names ({@link FaqOutOfScopeCategory.names}) when
   * it names nothing of this FAQ's own ({@link DOMAIN_ANCHORS}); such a question gets no topic.
   */
  namesForeign: string | undefined;
  /**
   * The menu group of the app this question names ({@link PRODUCT_ANCHORS}), if it names one: such a
   * question is never "not ours", whatever else fits.
   */
  ownApp: FaqGroup | undefined;
}

/** Matches free-text citizen questions to FAQ topics. Build once, call `match` per message. */
export interface FaqMatcher {
  /** Classifies one question; never throws. */
  match(question: string): FaqMatch;
  /** Shows the ranking and evidence behind `match`, for tuning and for officers checking topic data. */
  explain(question: string): FaqExplanation;
}

/** Tuning knobs and the optional "not ours" categories; thresholds default to the exported constants. */
export interface FaqMatcherOptions {
  answerThreshold?: number;
  suggestThreshold?: number;
  /** Subjects the bot does not handle (see `loadFaqOutOfScope`); none by default. */
  outOfScope?: readonly FaqOutOfScopeCategory[];
  /**
   * Questions people asked, labelled (see `loadAskedQuestions`): more lines for the classifier to learn from.
   * One whose topic is not among `topics` (officers removed it) is left out; one labelled null teaches what
   * none of the topics answers.
   */
  asked?: readonly AskedQuestion[];
  /** Logistic weights for the confidence; the shipped ones unless refitting. */
  confidenceWeights?: readonly number[];
  /** How much the classifier's vote counts against BM25 when re-ranking the top candidates (tuning only). */
  rerankWeight?: number;
  /** How many of BM25's best candidates the classifier may re-order (tuning only). */
  rerankDepth?: number;
  /** Where trained classifiers are kept between starts (a built server's; none in tests and scripts). */
  classifierCache?: ClassifierCache;
}

const MAX_ALTERNATIVES = 3;
// An alternative must score at least this share of the best topic's score to be offered at all.
const ALTERNATIVE_FLOOR = 0.6;
// Category documents get a prefix that topic ids ("group.name") can never have.
const OUT_OF_SCOPE_PREFIX = "(out-of-scope)/";
// The classifier's class for asked questions that no topic answers: it only takes probability from topics.
const ASKED_OFF_TOPIC = `${OUT_OF_SCOPE_PREFIX}asked`;

/**
 * Folded words that name one of the apps this FAQ is about. Narrower than the anchors below: "tiền hỗ trợ
 * covid" or "vắc xin HPV" name the subject yet are rightly "not ours"; "pc covid bị lỗi" never is.
 */
const PRODUCT_ANCHORS: readonly { words: readonly string[]; group: FaqGroup }[] = [
  { words: ["pccovid"], group: "pccovid" },
  { words: ["vneid"], group: "vneid" },
  { words: ["bluezone"], group: "pccovid" },
  { words: ["ncovi"], group: "pccovid" },
  { words: ["suc", "khoe", "dien", "tu"], group: "sskdt" },
];
/**
 * Folded words that name this FAQ's own subject (its apps, Covid-19, vaccines, F0/F1, the health book): a
 * question with one of them is ours even when it also names another service.
 */
const DOMAIN_ANCHORS: readonly (readonly string[])[] = [
  ...PRODUCT_ANCHORS.map((anchor) => anchor.words),
  ["covid"],
  ["vaccine"],
  ["f0"],
  ["f1"],
  ["suc", "khoe"],
];
const OUT_OF_SCOPE_LINE_WEIGHT = 5;
// Chosen by scoring each asked file with a matcher that never learned it (docs/adr/020, 2026-12-04): with
// 5,000 asked lines the classifier knows more than the topics' examples, so it picks among BM25's twelve best
// (ranked first 0.946 → 0.965); weights 2 to 10 and depths 8 to 40 were equally good.
const RERANK_WEIGHT = 2;
const RERANK_DEPTH = 12;

/**
 * Builds the FAQ matcher: one BM25 document per topic (examples and keywords, both languages) and one per
 * "not ours" category, indexed once over folded syllables and syllable pairs, and a topic classifier trained
 * on the same lines and the asked questions that re-orders BM25's best twelve (see `TopicClassifier`).
 * Confidence is a logistic model over coverage, margin, the classifier's probability and the competition from
 * the "not ours" categories (see `calibrateConfidence`).
 *
 * @param topics validated topic data (see `loadFaqTopics`)
 * @param options thresholds, defaulting to {@link ANSWER_THRESHOLD} and {@link SUGGEST_THRESHOLD}
 */
export function createFaqMatcher(topics: FaqTopic[], options: FaqMatcherOptions = {}): FaqMatcher {
  const answerThreshold = options.answerThreshold ?? ANSWER_THRESHOLD;
  const suggestThreshold = options.suggestThreshold ?? SUGGEST_THRESHOLD;
  const index = new TermIndex([
    ...topics.map((topic) => ({
      id: topic.id,
      lines: [...topic.examples.vi, ...topic.examples.en],
      boostedLines: [...topic.keywords.vi, ...topic.keywords.en],
    })),
    // Officers write subjects comma-separated; each is its own line so pairs do not join two subjects.
    ...(options.outOfScope ?? []).map((category) => ({
      id: `${OUT_OF_SCOPE_PREFIX}${category.id}`,
      lines: category.lines.flatMap((line) => line.split(/[,;:]/)),
      // A topic repeats its words over many examples; a category names each subject once.
      lineWeight: OUT_OF_SCOPE_LINE_WEIGHT,
    })),
  ]);

  // The "not ours" subjects are classes too: "gmail" in "quên mật khẩu gmail" then takes probability away
  // from the health book's login instead of being a word the topics merely lack.
  const classifier = trainedClassifier(
    [
      ...topics.flatMap((topic) =>
        [...topic.examples.vi, ...topic.examples.en, ...topic.keywords.vi, ...topic.keywords.en].map(
          (text) => ({ text, label: topic.id }),
        ),
      ),
      ...(options.outOfScope ?? []).flatMap((category) =>
        category.lines
          .flatMap((line) => line.split(/[,;:]/))
          .map((text) => ({ text, label: `${OUT_OF_SCOPE_PREFIX}${category.id}` })),
      ),
      ...askedLines(topics, options.asked ?? []),
    ],
    options.classifierCache,
  );
  // Each service name as the search terms it folds to ("CCCD" → căn cước công dân), all of which must appear.
  const foreignNames = (options.outOfScope ?? []).flatMap((category) =>
    category.names
      .map((name) => ({ words: toSearchWords(name), category: category.id }))
      .filter((name) => name.words.length > 0),
  );
  const rerankWeight = options.rerankWeight ?? RERANK_WEIGHT;
  const rerankDepth = options.rerankDepth ?? RERANK_DEPTH;

  function explain(question: string): FaqExplanation {
    const query = index.read(question);
    const { terms } = query;
    const all = terms.length === 0 ? [] : index.search(terms);
    const isTopic = (doc: ScoredDocument) => !doc.id.startsWith(OUT_OF_SCOPE_PREFIX);
    const probabilities = terms.length === 0 ? new Map<string, number>() : classifier.probabilities(terms);
    const results = rerank(all.filter(isTopic), probabilities);
    const foreign = all.find((doc) => !isTopic(doc));
    const ranked = results.map((doc) => ({ topic: doc.id, score: doc.score }));
    const outOfScope =
      foreign === undefined
        ? undefined
        : { category: foreign.id.slice(OUT_OF_SCOPE_PREFIX.length), score: foreign.score };
    const best = results[0];
    const named = (words: readonly string[]) => words.every((word) => terms.includes(word));
    const anchored = DOMAIN_ANCHORS.some(named);
    const ownApp = PRODUCT_ANCHORS.find((anchor) => named(anchor.words))?.group;
    const namesForeign = anchored ? undefined : foreignNames.find((name) => named(name.words))?.category;
    if (best === undefined) return { terms, ranked, outOfScope, evidence: undefined, namesForeign, ownApp };

    const words = terms.filter((term) => !term.includes("_"));
    const pairs = terms.filter((term) => term.includes("_"));
    let total = 0;
    let covered = 0;
    let foreignWeight = 0;
    for (const word of words) {
      const weight = index.idf(word);
      total += weight;
      if (best.matched.has(word)) covered += weight;
      else if (foreign?.matched.has(word)) foreignWeight += weight;
    }
    const foreignScore = foreign?.score ?? 0;
    const evidence: MatchEvidence = {
      coverage: total > 0 ? covered / total : 0,
      pairCoverage:
        pairs.length > 0 ? pairs.filter((pair) => best.matched.has(pair)).length / pairs.length : 0,
      margin: Math.max(0, 1 - (results[1]?.score ?? 0) / best.score),
      outOfScopeShare: foreignScore / (best.score + foreignScore),
      foreignCoverage: total > 0 ? foreignWeight / total : 0,
      score: best.score,
      wordCount: words.length,
      classifierProbability: probabilities.get(best.id) ?? 0,
    };
    return { terms, ranked, outOfScope, evidence, namesForeign, ownApp };
  }

  /**
   * Re-orders BM25's few best topics by BM25 share plus the classifier's log-probability: BM25 finds the
   * topics that explain the words, the classifier picks among near neighbours by the words that separate them.
   */
  function rerank(results: ScoredDocument[], p: ReadonlyMap<string, number>): ScoredDocument[] {
    const top = results.slice(0, rerankDepth);
    const best = top[0];
    if (best === undefined || top.length < 2 || rerankWeight === 0) return results;
    const combined = (doc: ScoredDocument) =>
      Math.log(doc.score / best.score) + rerankWeight * Math.log(Math.max(1e-6, p.get(doc.id) ?? 0));
    const reordered = [...top].sort((a, b) => combined(b) - combined(a));
    return [...reordered, ...results.slice(rerankDepth)];
  }

  function match(question: string): FaqMatch {
    const { ranked, outOfScope, evidence, namesForeign, ownApp } = explain(question);
    const best = ranked[0];
    const confidence = evidence === undefined ? 0 : calibrateConfidence(evidence, options.confidenceWeights);
    // Another service named: no topic is the answer, so none is given any confidence.
    if (namesForeign !== undefined)
      return { topic: null, confidence: 0, alternatives: [], band: "fallback", outOfScope: namesForeign };
    const plausible = ranked
      .filter((entry) => best !== undefined && entry.score >= ALTERNATIVE_FLOOR * best.score)
      .map((entry) => entry.topic);
    if (best === undefined || confidence < suggestThreshold) {
      // "pc covid bị lỗi" fits "other apps crash" best, but PC-Covid is ours: the person is not told it is
      // outside this helpdesk's remit; they get the closest topics to choose from instead.
      const fitsForeign = !ownApp && outOfScope !== undefined && outOfScope.score >= (best?.score ?? 0);
      const app = fitsForeign ? undefined : ownApp;
      return {
        topic: null,
        confidence,
        // A question that fits a "not ours" subject better than any topic gets no topic guesses at all.
        alternatives: fitsForeign ? [] : plausible.slice(0, MAX_ALTERNATIVES),
        band: "fallback",
        ...(fitsForeign ? { outOfScope: outOfScope.category } : {}),
        ...(app ? { app } : {}),
      };
    }
    const band: FaqBand = confidence >= answerThreshold ? "answer" : "suggest";
    return { topic: best.topic, confidence, alternatives: plausible.slice(1, 1 + MAX_ALTERNATIVES), band };
  }

  return { match, explain };
}

/**
 * The asked questions as classifier lines. Why the classifier only, not BM25: the topics' documents stay the
 * officers' own examples and keywords, which they edit; the asked questions add the ways strangers word the
 * same things (measured in docs/adr/020: every held-out set gained, the outsider's most).
 */
function askedLines(topics: readonly FaqTopic[], asked: readonly AskedQuestion[]): LabelledLine[] {
  const ids = new Set<string>(topics.map((topic) => topic.id));
  return asked
    .filter((question) => question.topic === null || ids.has(question.topic))
    .map((question) => ({ text: question.q, label: question.topic ?? ASKED_OFF_TOPIC }));
}

/** The classifier for these lines: kept from an earlier start of this build when there is one, else trained. */
function trainedClassifier(
  lines: readonly LabelledLine[],
  cache: ClassifierCache | undefined,
): TopicClassifier {
  const kept = cache?.read(lines);
  if (kept !== undefined) {
    try {
      return TopicClassifier.restore(kept);
    } catch {
      // A file that does not fit is trained over below and replaced.
    }
  }
  const classifier = TopicClassifier.train(
    lines.map(({ text, label }) => ({ terms: withPairs(toSearchWords(text)), label })),
  );
  cache?.write(lines, classifier.state());
  return classifier;
}
