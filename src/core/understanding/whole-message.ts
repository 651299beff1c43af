import { foldText } from "../fold-text";
import type { Reading } from "./words";

/**
 * One phrase of a whole-message lexicon. `words` are compared folded, so "quay lai" covers "quay lại"; where
 * folding merges words with different meanings, `exact` pins the diacritics ("dừng" stop, not "đúng" right)
 * and `notExact` refuses a spelling ("dung" reads "right" unless it was typed "dừng").
 */
export interface LexiconEntry<K extends string> {
  kind: K;
  words: string[];
  exact?: string[];
  notExact?: string[];
}

/** Builds entries from plain strings; a string with diacritics where they matter goes in `exact`. */
export function lexicon<K extends string>(kind: K, list: readonly string[]): LexiconEntry<K>[] {
  return list.map((p) => ({ kind, words: foldText(p).split(" ") }));
}

/** Longest entry matching at `at`, or undefined. */
function entryAt<K extends string>(
  entries: readonly LexiconEntry<K>[],
  reading: Reading,
  at: number,
): LexiconEntry<K> | undefined {
  let best: LexiconEntry<K> | undefined;
  for (const e of entries) {
    if (best && e.words.length <= best.words.length) continue;
    if (at + e.words.length > reading.words.length) continue;
    let ok = true;
    for (let i = 0; ok && i < e.words.length; i += 1) {
      const exact = reading.exactWords[at + i];
      ok =
        reading.words[at + i] === e.words[i] &&
        (!e.exact || exact === e.exact[i]) &&
        !(e.notExact && e.words.length === 1 && exact !== undefined && e.notExact.includes(exact));
    }
    if (ok) best = e;
  }
  return best;
}

/**
 * Reads a whole message as one intent: optional `leading` words, then phrases of one kind, then only phrases
 * of that kind or `fillers` ("quay lại đi", "thôi hủy nha", "ok luôn"); a `clause` is a phrase shape too
 * open for a list ("không … nữa"). Any other word makes it data, which is
 * why an address "Thôn Lui" or a name "Thôi Thị Hoa" is never read as navigation. Returns the kind, or null.
 */
export function readWholeMessage<K extends string>(
  reading: Reading,
  entries: readonly LexiconEntry<K>[],
  fillers: ReadonlySet<string>,
  leading: ReadonlySet<string> = fillers,
  clause?: { kind: K; length: (words: readonly string[], at: number) => number },
): K | null {
  const words = reading.words;
  let at = 0;
  let kind: K | null = null;
  while (at < words.length) {
    const entry = entryAt(entries, reading, at);
    if (entry && (kind === null || entry.kind === kind)) {
      kind = entry.kind;
      at += entry.words.length;
      continue;
    }
    const clauseLength = clause && (kind === null || kind === clause.kind) ? clause.length(words, at) : 0;
    if (clause && clauseLength > 0) {
      kind = clause.kind;
      at += clauseLength;
      continue;
    }
    const word = words[at] ?? "";
    if ((kind === null ? leading : fillers).has(word)) {
      at += 1;
      continue;
    }
    return null;
  }
  return kind;
}
