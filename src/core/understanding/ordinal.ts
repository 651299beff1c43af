import { prepare } from "./words";

/** Vietnamese numbers as words, folded ("bốn" and "tư" both 4; "nhất" only after "thứ"). */
const VI_NUMBERS: Readonly<Record<string, number>> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};
const EN_ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** Words before an ordinal that only point at the list: "chọn cái thứ 2", "lấy mục số hai", "the second". */
const LEADING = new Set(["chon", "lay", "toi", "em", "la", "the", "pick", "choose", "take", "i", "want"]);
/** Words that name what is counted and so say a place in the list is meant (never a weekday). */
const MARKERS = new Set([
  "cai",
  "con",
  "muc",
  "dong",
  "lua",
  "dia",
  "diem",
  "quan",
  "option",
  "number",
  "no",
]);
/** Words after an ordinal that add nothing: "cái thứ hai ạ", "the second one". */
const TRAILING = new Set(["a", "nha", "nhe", "di", "ak", "ah", "do", "nay", "one", "option", "please"]);

/**
 * Which place in a list of `count` an ordinal typed in words names (1-based), or null: "thứ hai", "cái thứ 2",
 * "số hai", "đầu tiên", "cuối cùng", "second", "the 2nd one", "last". The whole message must be the ordinal.
 *
 * "thứ hai" … "thứ bảy" alone are also the weekdays Monday to Saturday; they are read as places only with a
 * word that names what is counted ("cái thứ hai") or where the caller says the list is no list of days
 * (`bareWeekdays`). A place past the end is still returned: the caller says it is not one of the choices.
 */
export function readOrdinal(
  text: string,
  count: number,
  options: { bareWeekdays?: boolean } = {},
): number | null {
  let words = prepare(text).words;
  while (words.length > 1 && TRAILING.has(words.at(-1) ?? "")) words = words.slice(0, -1);
  let marked = false;
  let at = 0;
  while (at < words.length - 1 && (LEADING.has(words[at] ?? "") || MARKERS.has(words[at] ?? ""))) {
    marked ||= MARKERS.has(words[at] ?? "");
    at += 1;
  }
  const rest = words.slice(at);
  const [first = "", second] = rest;
  if (rest.length === 1) {
    if (first === "last") return count;
    const english = EN_ORDINALS[first] ?? englishDigits(first);
    return english ?? null;
  }
  if (rest.length === 2 && first === "dau" && second === "tien") return 1;
  if (rest.length === 2 && first === "cuoi" && second === "cung") return count;
  if ((rest.length === 2 || rest.length === 3) && (first === "thu" || first === "so")) {
    const number = numberOf(rest.slice(1), first === "thu");
    if (number === null) return null;
    const weekday = first === "thu" && number >= 2 && number <= 7;
    return weekday && !marked && !options.bareWeekdays ? null : number;
  }
  return null;
}

/** "2", "hai", "nhất" (after "thứ"), "mười hai" → the number, else null. */
function numberOf(words: readonly string[], afterThu: boolean): number | null {
  const [a = "", b] = words;
  if (b === undefined) {
    if (/^\d{1,2}$/.test(a)) return Number(a);
    if (afterThu && a === "nhat") return 1;
    return VI_NUMBERS[a] ?? null;
  }
  // "mười hai" = 12: lists are short, so the tens stop there.
  const unit = VI_NUMBERS[b];
  return a === "muoi" && unit !== undefined && unit < 10 ? 10 + unit : null;
}

/** "1st", "2nd", "3rd", "4th" … → the number. */
function englishDigits(word: string): number | null {
  const match = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(word);
  return match?.[1] ? Number(match[1]) : null;
}
