import { typoAllowance, withinEditDistance } from "./edit-distance";
import { readOrdinal } from "./ordinal";
import { containsPhrase, prepare } from "./words";

/** Anything offered as a choice: a button (label, payload) or a category with the words people use for it. */
export interface ChoiceOption {
  label: string;
  /** Other names that pick this choice: synonyms ("cafe" for "Nhà hàng/quán ăn/cà phê"), former names. */
  aliases?: readonly string[];
}

/** How a typed answer was matched, from the most to the least certain. */
export type ChoiceMatchKind = "number" | "exact" | "folded" | "partial" | "typo";

/** What a typed answer says about the offered choices. */
export type ChoiceReading<T> =
  | { kind: "match"; choice: T; how: ChoiceMatchKind }
  /** Several choices fit equally: ask which one, offering only these. */
  | { kind: "ambiguous"; choices: T[] }
  | { kind: "none" };

/** Words a place name may carry or drop: "xã Bình Hải" = "Bình Hải", "tt Châu Ổ" = "Thị trấn Châu Ổ". */
const PLACE_PREFIXES = [["xa"], ["thi", "tran"], ["tt"], ["phuong"], ["huyen"]];

/** Words around an answer that say nothing about which: "chọn Bình Hải", "ở xã Bình Hải ạ", "loại quán ăn". */
const LEADING = new Set([
  "chon",
  "la",
  "o",
  "loai",
  "toi",
  "minh",
  "em",
  "cho",
  "tai",
  "thuoc",
  "dia",
  "ban",
]);
const TRAILING = new Set(["a", "nha", "nhe", "di", "ak", "ah", "nhen", "oi"]);

/** One name of a choice (its label, a part of a label "A/B/C", an alias), in exact and folded words. */
interface Name {
  exact: string[];
  folded: string[];
  /** A place name ("Xã Bình Hải" and its "Bình Hải"), or, typed, the text with its "xã"/"tt" taken off. */
  place?: boolean;
}

/** Names are rebuilt from the same few labels on every turn; remembering them keeps a call in microseconds. */
const nameCache = new Map<string, Name[]>();
const NAME_CACHE_LIMIT = 2_000;
/** Lists made once (the categories) are remembered by identity, without building a key per call. */
const optionCache = new WeakMap<ChoiceOption, Name[]>();

function namesOf(option: ChoiceOption): Name[] {
  const known = optionCache.get(option);
  if (known) return known;
  const key = option.aliases ? `${option.label}\u0000${option.aliases.join("\u0000")}` : option.label;
  const cached = nameCache.get(key);
  if (cached) {
    optionCache.set(option, cached);
    return cached;
  }
  const sources = [option.label, ...option.label.split(/[/,;()|]| - /), ...(option.aliases ?? [])];
  const names: Name[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const r = prepare(source);
    for (const variant of withoutPlacePrefix({ exact: r.exactWords, folded: r.words })) {
      const id = variant.exact.join(" ");
      if (variant.folded.length === 0 || seen.has(id)) continue;
      seen.add(id);
      names.push(variant);
    }
  }
  if (nameCache.size >= NAME_CACHE_LIMIT) nameCache.clear();
  nameCache.set(key, names);
  optionCache.set(option, names);
  return names;
}

/** The name itself and, when it starts with "xã"/"thị trấn"/…, the name without it. */
function withoutPlacePrefix(name: Name, typed = false): Name[] {
  for (const prefix of PLACE_PREFIXES) {
    if (prefix.length < name.folded.length && prefix.every((w, i) => name.folded[i] === w)) {
      const bare = { exact: name.exact.slice(prefix.length), folded: name.folded.slice(prefix.length) };
      return [typed ? name : { ...name, place: true }, { ...bare, place: true }];
    }
  }
  return [name];
}

/** The typed words without "chọn …", "… ạ" around them. */
function trimmed(words: string[], exact: string[]): Name {
  let start = 0;
  let end = words.length;
  while (start < end - 1 && LEADING.has(words[start] ?? "")) start += 1;
  while (end > start + 1 && TRAILING.has(words[end - 1] ?? "")) end -= 1;
  return { exact: exact.slice(start, end), folded: words.slice(start, end) };
}

/** How well a typed answer fits a name: 0 not at all; more when more of the typed words are explained. */
type Test = (typed: Name, name: Name) => number;

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((w, i) => w === b[i]);
const squeezed = (a: readonly string[]) => a.join("");
const yes = (fits: boolean) => (fits ? 1 : 0);

/**
 * A part of a name typed ("binh hai" in "Xã Bình Hải") fits by the typed words; a name inside the typed text
 * ("tiệm thuốc tây" holds "tiệm thuốc" and "tiệm") by the name's words, so the longest name found wins.
 */
function partial(typed: readonly string[], name: readonly string[]): number {
  if (containsPhrase(name, typed)) return typed.length;
  return containsName(typed, name) && isMostOf(name, typed) ? name.length : 0;
}

/** Up to this many words, a message holding a name is that name with a word or two around it ("quán cafe"). */
const SHORT_ANSWER_WORDS = 3;

/**
 * Whether a name found inside a typed message is what the message says rather than a word of a sentence
 * about something else: "tiem tap hoa" is the shop, "tiem mui 3 o dau" is a question that holds "tiệm".
 * The name must be at least half the words, or the message short; "của tôi", "ạ" and the like do not count.
 */
function isMostOf(name: readonly string[], typed: readonly string[]): boolean {
  const words = typed.filter((w) => !LEADING.has(w) && !TRAILING.has(w) && !POSSESSIVE.has(w)).length;
  return words <= SHORT_ANSWER_WORDS || name.length * 2 >= words;
}

/** "quán cà phê của tôi", "tiệm nhà em": words around a name that add nothing to it. */
const POSSESSIVE = new Set(["cua", "nha", "my", "our", "the"]);

/** The tiers, most certain first; the first tier that any choice passes decides. */
const TIERS: [ChoiceMatchKind, Test][] = [
  ["exact", (t, n) => yes(same(t.exact, n.exact))],
  ["folded", (t, n) => yes(same(t.folded, n.folded) || squeezed(t.folded) === squeezed(n.folded))],
  ["partial", (t, n) => partial(t.exact, n.exact)],
  ["partial", (t, n) => partial(t.folded, n.folded)],
  [
    "typo",
    (t, n) =>
      yes(typoRun(n.folded, t.folded) || (typoRun(t.folded, n.folded) && isMostOf(n.folded, t.folded))),
  ],
  // Words of the name with some left out, in order: "tạo mới" for "Tạo khảo sát mới", "gui ngay" for "Gửi
  // thông báo ngay". Two words at least, so one common word does not pick a long label.
  ["partial", (t, n) => (t.folded.length >= 2 && inOrder(t.folded, n.folded) ? t.folded.length : 0)],
];

/** Where the tiers stop reading the labels as they are and start reading parts and typos of them. */
const FIRST_LOOSE_TIER = 2;

/** Every word of `typed` appears in `name`, in the same order (others may come between). */
function inOrder(typed: readonly string[], name: readonly string[]): boolean {
  let at = 0;
  for (const word of typed) {
    while (at < name.length && name[at] !== word) at += 1;
    if (at === name.length) return false;
    at += 1;
  }
  return true;
}

/** A typed answer that holds a whole name ("quán cafe" holds "cafe"); one-letter names do not count. */
function containsName(typed: readonly string[], name: readonly string[]): boolean {
  return squeezed(name).length >= 2 && containsPhrase(typed, name);
}

/**
 * True when `needle` appears as a run of words in `hay`, each word equal or within its typo allowance, and
 * at least one word long enough to carry a typo (otherwise the folded tiers already decided).
 */
function typoRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || !needle.some((w) => typoAllowance(w.length) > 0)) return false;
  for (let at = 0; at + needle.length <= hay.length; at += 1) {
    let ok = true;
    for (let i = 0; ok && i < needle.length; i += 1) {
      const a = needle[i] ?? "";
      const b = hay[at + i] ?? "";
      ok = a === b || withinEditDistance(a, b, Math.min(typoAllowance(a.length), typoAllowance(b.length)));
    }
    if (ok) return true;
  }
  return false;
}

const MAX_ANSWER_WORDS = 12;

/** Generic words that alone say nothing about which choice ("xã" fits every commune). */
const MEANINGLESS = new Set(["xa", "thi", "tran", "tt", "phuong", "huyen", "thon", "binh", "so", "cua"]);

/**
 * Reads a typed answer against the offered choices: its number ("2", "số 2", "#2", "2."), then the label or an
 * alias typed exactly (diacritics included), then folded (diacritics, case, emoji, spacing ignored), then its
 * place in words ("cái thứ hai", "second", src/core/understanding/ordinal.ts), then a
 * part of a name ("binh hai" for "Xã Bình Hải", "quán ăn" for "Nhà hàng/quán ăn/cà phê") or a name inside the
 * text ("quán cafe"), then small typos. The first tier that fits decides: one choice is a match, several are
 * ambiguous. So "Bình Thạnh" and "Bình Thanh" each land on their own commune, and "binh thanh" is ambiguous.
 *
 * `upTo` stops after a tier: "folded" where the text may just as well be free data (a step that offers only
 * Back/Cancel buttons must not read the address "Thôn Hủy" as the Cancel button by a partial match).
 */
export function readChoice<T extends ChoiceOption>(
  text: string,
  choices: readonly T[],
  options: {
    upTo?: ChoiceMatchKind;
    /** "thứ hai" alone is the second choice, not Monday: the list is not one of days or times. */
    weekdayOrdinals?: boolean;
  } = {},
): ChoiceReading<T> {
  if (choices.length === 0) return { kind: "none" };
  const reading = prepare(text);
  if (reading.words.length === 0) return { kind: "none" };
  const number = /^(?:so ?|#|chon |option |no )?#?(\d{1,2})$/.exec(reading.folded);
  if (number?.[1]) {
    const choice = choices[Number(number[1]) - 1];
    return choice ? { kind: "match", choice, how: "number" } : { kind: "none" };
  }
  // An answer to a list is a few words; a sentence longer than this is not picking from it.
  if (reading.words.length > MAX_ANSWER_WORDS) return { kind: "none" };
  const meaningful = (typed: Name) =>
    withoutPlacePrefix(typed, true).filter((v) => v.folded.some((w) => !MEANINGLESS.has(w)));
  // "chọn xã" for the button "Chọn xã": when the words left after "chọn" say nothing, the label is the
  // whole text.
  const typedVariants = meaningful(trimmed(reading.words, reading.exactWords));
  if (typedVariants.length === 0)
    typedVariants.push(...meaningful({ exact: reading.exactWords, folded: reading.words }));
  if (typedVariants.length === 0) return { kind: "none" };
  const named = choices.map((choice) => ({ choice, names: namesOf(choice) }));
  // Every tier but the typo one needs a word in common (or the same letters without spaces): the rest of a
  // long alias list is skipped once, not in every tier.
  const typedWords = new Set(typedVariants.flatMap((t) => t.folded));
  const typedSqueezed = new Set(typedVariants.map((t) => squeezed(t.folded)));
  const near = named.map(({ choice, names }) => ({
    choice,
    names: names.filter(
      (n) => n.folded.some((w) => typedWords.has(w)) || typedSqueezed.has(squeezed(n.folded)),
    ),
  }));
  const canTypo = typedVariants.some((t) => t.folded.some((w) => typoAllowance(w.length) > 0));
  for (const [index, [how, test]] of TIERS.entries()) {
    // After the labels themselves ("Thứ Hai" may be a button) and before parts of them: "cái thứ 2", "second".
    if (index === FIRST_LOOSE_TIER) {
      const place = readOrdinal(text, choices.length, { bareWeekdays: options.weekdayOrdinals ?? false });
      if (place !== null) {
        const choice = choices[place - 1];
        return choice ? { kind: "match", choice, how: "number" } : { kind: "none" };
      }
    }
    if (how === "typo" && !canTypo) continue;
    let best = 0;
    let hits: T[] = [];
    for (const { choice, names } of how === "typo" ? named : near) {
      let score = 0;
      for (const n of names) {
        for (const t of typedVariants) {
          // "tt Châu Ổ" may drop its "tt" to meet "Châu Ổ", but only a place: "Xã Hủy" is not the Cancel button.
          if (!t.place || n.place) score = Math.max(score, test(t, n));
        }
      }
      if (score > best) {
        best = score;
        hits = [choice];
      } else if (score > 0 && score === best) hits.push(choice);
    }
    if (hits.length === 1 && hits[0]) return { kind: "match", choice: hits[0], how };
    // Every one of many choices fitting says nothing ("bình" among the Bình … communes): not a question worth asking.
    if (hits.length > 1 && (hits.length < choices.length || choices.length <= 3)) {
      return { kind: "ambiguous", choices: hits };
    }
    if (hits.length > 1 || how === options.upTo) return { kind: "none" };
  }
  return { kind: "none" };
}
