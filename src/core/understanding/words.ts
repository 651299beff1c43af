import { foldText } from "../fold-text";

/**
 * The longest text a reader looks at. A whole-message reading (navigation, yes/no, small talk) is a few words;
 * a choice label or a time is under a hundred characters. Cutting here keeps every reader linear and bounded
 * even when someone pastes a page of text.
 */
export const MAX_READ_LENGTH = 200;

/** "ok" as people spell it: an acknowledgement in small talk, a yes to a yes/no question. */
export const OK_WORDS = ["ok", "oke", "okie", "oki", "okay", "okela"];

/** Emoji, their variation selectors, skin tones and joiners: decoration, never a word. */
const EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\uFE0F|\u200D|\u20E3)/gu;

/** What a person typed, cut to size, in three forms the readers compare on. */
export interface Reading {
  /** NFC, lower case, emoji and punctuation turned into spaces, diacritics kept: "bình thạnh". */
  exact: string;
  /** {@link exact} without diacritics (đ → d): "binh thanh". */
  folded: string;
  /** {@link folded} split into words. */
  words: string[];
  /** {@link exact} split into words, one for one with {@link words} (folding keeps word boundaries). */
  exactWords: string[];
  /** The emoji the text carried, in order (👍, 👎 …). */
  emoji: string[];
}

/**
 * Prepares text for the readers. Punctuation is dropped except between digits ("8:30", "25/12" stay; "2." reads
 * "2") and a "#" before a number, so "ok!!", "ok." and "ok 👍" read alike.
 */
export function prepare(text: string): Reading {
  const cut = text.slice(0, MAX_READ_LENGTH).normalize("NFC").toLowerCase();
  const emoji = cut.match(EMOJI)?.filter((e) => /\p{Extended_Pictographic}/u.test(e)) ?? [];
  const exact = cut
    .replace(EMOJI, " ")
    .replace(/[^\p{L}\p{N}:/.#-]+/gu, " ")
    .replace(/[:/.-](?!\d)|(?<!\d)[:/.-]|#(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const folded = foldText(exact);
  return {
    exact,
    folded,
    words: folded ? folded.split(" ") : [],
    exactWords: exact ? exact.split(" ") : [],
    emoji,
  };
}

/** True when `words` holds `phrase` at `at`. */
export function startsWith(words: readonly string[], phrase: readonly string[], at = 0): boolean {
  if (at + phrase.length > words.length) return false;
  for (let i = 0; i < phrase.length; i += 1) if (words[at + i] !== phrase[i]) return false;
  return true;
}

/** True when `words` holds `phrase` as a run of whole words anywhere. */
export function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let at = 0; at + phrase.length <= words.length; at += 1)
    if (startsWith(words, phrase, at)) return true;
  return false;
}

/** Splits phrase lists written as plain strings ("quay lai") into folded word arrays, once, at load. */
export function phrases(list: readonly string[]): string[][] {
  return list.map((p) => foldText(p).split(" "));
}
