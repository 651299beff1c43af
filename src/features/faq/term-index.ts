import { withinEditDistance } from "./bounded-edit-distance";
import { toSearchWords, withPairs } from "./search-terms";

/** One document of the index: a topic, or a category of subjects the bot does not handle. */
export interface IndexDocument {
  id: string;
  /** Lines of text; word pairs never span two lines. */
  lines: readonly string[];
  /** Lines that count more per occurrence (officers' keywords). */
  boostedLines?: readonly string[];
  /** How much one occurrence in `lines` counts; 1 unless the document is written more tersely than topics. */
  lineWeight?: number;
}

/** A document's BM25 score for one query, with the query terms it matched. */
export interface ScoredDocument {
  id: string;
  score: number;
  matched: ReadonlySet<string>;
}

/** The query as the index read it: informative words (typos corrected to known words) and their pairs. */
export interface IndexQuery {
  terms: string[];
  /** Words no document uses, after typo correction: what a question is about when the FAQ is not. */
  unknownWords: string[];
  /** Words that were only found through typo correction. */
  correctedWords: string[];
}

// BM25 constants: topics are bags of many short examples, so length normalisation is kept mild.
const K1 = 1.2;
const B = 0.3;
const KEYWORD_BOOST = 1.5;
// Words that are not typos of anything: too short to correct safely (Vietnamese syllables differ by one letter).
const MIN_FUZZY_LENGTH = 5;
const TWO_EDITS_FROM = 9;
const MAX_REMEMBERED_CORRECTIONS = 10_000;
// How much a near-identical example line can add to a topic's score (at most doubling it at 1).
const NEAREST_WEIGHT = 1;
const COORDINATION = 0.5;

/**
 * BM25 over folded syllables and syllable pairs, with typo correction of unknown words against the
 * vocabulary by bounded edit distance. Built once from topic data; a query costs a few hundred microseconds.
 */
export class TermIndex {
  private readonly frequencies = new Map<string, Map<string, number>>();
  // Every line on its own, for the nearest-line part of the score.
  private readonly lineTerms: { id: string; terms: ReadonlySet<string> }[] = [];
  // Filled once the idf is known: which lines hold a term, and each line's idf² norm.
  private readonly linesByTerm = new Map<string, number[]>();
  private readonly lineNorms: number[] = [];
  private readonly lengths = new Map<string, number>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly vocabularyByLength = new Map<number, string[]>();
  private readonly averageLength: number;
  // Corrections seen before: people repeat the same misspellings, and the scan is the costly step.
  private readonly corrections = new Map<string, string | undefined>();
  private readonly letterCache = new Map<string, Uint8Array>();
  private readonly documentCount: number;

  constructor(documents: readonly IndexDocument[]) {
    for (const doc of documents) {
      const tf = new Map<string, number>();
      const add = (line: string, weight: number) => {
        const terms = withPairs(toSearchWords(line));
        for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + weight);
        if (terms.length > 0) this.lineTerms.push({ id: doc.id, terms: new Set(terms) });
      };
      for (const line of doc.lines) add(line, doc.lineWeight ?? 1);
      for (const line of doc.boostedLines ?? []) add(line, KEYWORD_BOOST);
      this.frequencies.set(doc.id, tf);
      this.lengths.set(
        doc.id,
        [...tf.values()].reduce((sum, n) => sum + n, 0),
      );
      for (const term of tf.keys()) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        if (!term.includes("_")) {
          const sameLength = this.vocabularyByLength.get(term.length) ?? [];
          sameLength.push(term);
          this.vocabularyByLength.set(term.length, sameLength);
        }
      }
    }
    this.documentCount = Math.max(1, documents.length);
    const total = [...this.lengths.values()].reduce((sum, n) => sum + n, 0);
    this.averageLength = Math.max(1, total / this.documentCount);
    this.lineTerms.forEach(({ terms }, line) => {
      let norm = 0;
      for (const term of terms) {
        norm += this.idf(term) ** 2;
        const lines = this.linesByTerm.get(term) ?? [];
        lines.push(line);
        this.linesByTerm.set(term, lines);
      }
      this.lineNorms.push(Math.sqrt(norm));
    });
  }

  /** Inverse document frequency; a word no document has gets the highest value. */
  idf(term: string): number {
    const n = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.documentCount - n + 0.5) / (n + 0.5));
  }

  /** Whether some document uses the term. */
  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** Folds, drops fillers, corrects typos of unknown words and pairs neighbouring words. */
  read(text: string): IndexQuery {
    const unknownWords: string[] = [];
    const correctedWords: string[] = [];
    const words = toSearchWords(text).map((word) => {
      if (this.knows(word)) return word;
      const corrected = this.correct(word);
      if (corrected === undefined) unknownWords.push(word);
      else correctedWords.push(corrected);
      return corrected ?? word;
    });
    return { terms: [...new Set(withPairs(words))], unknownWords, correctedWords };
  }

  /**
   * Per document, the best idf-weighted cosine between the query and one of its lines. "Where do I get a
   * vaccine" shares every word with "Where do I get a vaccine passport" too, but is nearer the line without
   * the extra "passport"; whole-topic BM25 alone cannot see that.
   */
  private nearestLines(terms: readonly string[]): Map<string, number> {
    const query = [...new Set(terms)];
    const queryNorm = Math.sqrt(query.reduce((sum, term) => sum + this.idf(term) ** 2, 0));
    const best = new Map<string, number>();
    if (queryNorm === 0) return best;
    // Only lines sharing a term with the query are touched, through the term → lines index.
    const dots = new Map<number, number>();
    for (const term of query) {
      const weight = this.idf(term) ** 2;
      for (const line of this.linesByTerm.get(term) ?? []) dots.set(line, (dots.get(line) ?? 0) + weight);
    }
    for (const [line, dot] of dots) {
      const id = this.lineTerms[line]?.id;
      if (id === undefined) continue;
      const cosine = dot / (queryNorm * (this.lineNorms[line] ?? 1));
      if (cosine > (best.get(id) ?? 0)) best.set(id, cosine);
    }
    return best;
  }

  /**
   * BM25 of every document that matches at least one term, scaled up by how near the query is to the
   * document's closest line; best first.
   */
  search(terms: readonly string[]): ScoredDocument[] {
    const nearest = this.nearestLines(terms);
    const words = terms.filter((term) => !term.includes("_"));
    const wordWeight = words.reduce((sum, word) => sum + this.idf(word), 0);
    const results: ScoredDocument[] = [];
    for (const [id, tf] of this.frequencies) {
      let score = 0;
      const matched = new Set<string>();
      const lengthFactor = 1 - B + (B * (this.lengths.get(id) ?? 0)) / this.averageLength;
      for (const term of terms) {
        const f = tf.get(term);
        if (f === undefined) continue;
        matched.add(term);
        score += (this.idf(term) * (f * (K1 + 1))) / (f + K1 * lengthFactor);
      }
      score *= 1 + NEAREST_WEIGHT * (nearest.get(id) ?? 0);
      // Coordination: a topic that explains every word of the question beats one that explains most of
      // them more often ("quên mật khẩu pc covid" is about PC-Covid, not the health book's password).
      const coveredWeight = words.reduce((sum, word) => sum + (matched.has(word) ? this.idf(word) : 0), 0);
      if (wordWeight > 0) score *= (coveredWeight / wordWeight) ** COORDINATION;
      if (score > 0) results.push({ id, score, matched });
    }
    return results.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  private letters(word: string): Uint8Array {
    let counts = this.letterCache.get(word);
    if (counts === undefined) {
      counts = letterCounts(word);
      this.letterCache.set(word, counts);
    }
    return counts;
  }

  /** The most frequent known word within one edit (two for long words), or undefined; memoised. */
  private correct(word: string): string | undefined {
    if (word.length < MIN_FUZZY_LENGTH || /\d/.test(word)) return undefined;
    if (this.corrections.has(word)) return this.corrections.get(word);
    if (this.corrections.size >= MAX_REMEMBERED_CORRECTIONS) this.corrections.clear();
    const corrected = this.closestKnown(word);
    this.corrections.set(word, corrected);
    return corrected;
  }

  private closestKnown(word: string): string | undefined {
    const max = word.length >= TWO_EDITS_FROM ? 2 : 1;
    let best: string | undefined;
    let bestFrequency = 0;
    const letters = letterCounts(word);
    for (let length = word.length - max; length <= word.length + max; length += 1) {
      for (const candidate of this.vocabularyByLength.get(length) ?? []) {
        const frequency = this.documentFrequency.get(candidate) ?? 0;
        if (frequency <= bestFrequency) continue;
        // One edit changes the letter counts by at most 2: a cheap test that skips most of the vocabulary.
        if (letterDistance(letters, this.letters(candidate)) > 2 * max) continue;
        if (withinEditDistance(word, candidate, max)) {
          best = candidate;
          bestFrequency = frequency;
        }
      }
    }
    return best;
  }
}

// Folded words hold only a-z and 0-9.
function letterCounts(word: string): Uint8Array {
  const counts = new Uint8Array(36);
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    const slot = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? 26 + code - 48 : -1;
    if (slot >= 0) counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}

function letterDistance(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum;
}
