import { foldVietnamese } from "./fold";

/**
 * Filler phrases that carry the "how/where/can I" of a question but not its subject. Removing them keeps
 * "làm sao", "thế nào" and "được không" from making unrelated questions look alike.
 */
const STOP_PHRASES: readonly RegExp[] = [
  /\b(?:phai )?lam (?:sao|the nao)\b/g,
  /\b(?:nhu )?the nao\b/g,
  /\bbang cach nao\b/g,
  /\bra sao\b/g,
  /\bla gi\b/g,
  /\bo dau\b/g,
  /\bduoc khong\b/g,
];

/**
 * Folded filler words in Vietnamese and English. Words whose folded form is also a content word are kept
 * on purpose: "the" (thẻ, card), "do" (đỏ, red), "to" (tờ khai), "dau" (đau, pain), "co" (cơ quan),
 * "may" (máy, phone), "ve" (về quê).
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // Vietnamese: pronouns, particles, politeness and question fillers
  "a",
  "ah",
  "ak",
  "ha",
  "nhe",
  "nha",
  "nhen",
  "nhi",
  "oi",
  "ui",
  "cho",
  "toi",
  "minh",
  "em",
  "e",
  "anh",
  "chi",
  "ban",
  "ad",
  "admin",
  "bac",
  "la",
  "thi",
  "vay",
  "z",
  "v",
  "voi",
  "giup",
  "xin",
  "hoi",
  "muon",
  "can",
  "phai",
  "lam",
  "de",
  "nay",
  "roi",
  "nua",
  "cua",
  "o",
  "khi",
  "nhung",
  "cac",
  "duoc",
  "gi",
  "nao",
  "sao",
  "thoi",
  "luon",
  "trong",
  "tren",
  "day",
  "ay",
  // The bot only serves Bình Sơn (Quảng Ngãi): naming the place says nothing about the topic.
  "binh",
  "son",
  "quang",
  "ngai",
  // English function words
  "i",
  "me",
  "my",
  "an",
  "does",
  "did",
  "how",
  "what",
  "where",
  "when",
  "is",
  "are",
  "am",
  "could",
  "should",
  "in",
  "on",
  "for",
  "of",
  "it",
  "with",
  "this",
  "that",
  "you",
  "your",
  "please",
  "and",
  "or",
  "be",
  "get",
  "have",
  "has",
  "there",
  "any",
  "about",
  "from",
  "at",
  "by",
  "will",
  "would",
]);

/**
 * Folds raw text and drops fillers: the informative words of a question, in order.
 *
 * @param text raw question or example text
 * @param options see {@link foldVietnamese}
 */
export function toSearchWords(text: string, options: { englishGlosses?: boolean } = {}): string[] {
  let folded = foldVietnamese(text, options);
  for (const phrase of STOP_PHRASES) folded = folded.replace(phrase, " ");
  return folded.split(" ").filter((word) => word !== "" && !STOP_WORDS.has(word));
}

/**
 * The words followed by every pair of neighbouring words. Vietnamese words are mostly two syllables
 * ("tiêm chủng", "mã qr"), so the pairs let a query match the word rather than two unrelated syllables.
 *
 * @param words informative words, see {@link toSearchWords}
 * @returns unigrams in order, then bigrams joined with "_"
 */
export function withPairs(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i += 1) {
    pairs.push(`${words[i - 1]}_${words[i]}`);
  }
  return [...words, ...pairs];
}

/**
 * Turns raw text into the terms the FAQ index stores and searches: folded words without fillers, followed
 * by every pair of neighbouring words.
 *
 * @param text raw question or example text
 * @returns unigrams in order, then bigrams joined with "_"; empty when only filler remains
 */
export function toSearchTerms(text: string): string[] {
  return withPairs(toSearchWords(text));
}
