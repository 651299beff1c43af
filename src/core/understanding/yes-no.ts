import { lexicon, readWholeMessage } from "./whole-message";
import { OK_WORDS, prepare } from "./words";

/** A typed answer to a yes/no question. */
export type YesNo = "yes" | "no";

/*
 * How "rồi" and "chưa" read: Vietnamese asks "đã … chưa?" (have you … yet?), answered "rồi" (already: yes) or
 * "chưa" (not yet: no). So "rồi", "có rồi", "tiêm rồi" read yes and "chưa", "chưa có", "chưa tiêm" read no, for
 * any yes/no question: to "Bạn có muốn nhận nhắc không?" a "chưa" (not now) is a no as well.
 * "Dạ"/"vâng" alone are polite yeses (before another answer they are only politeness); "dạ không" is a no. "Không biết", "có thể", "có lẽ" are neither.
 */

const ENTRIES = [
  ...lexicon("yes", [
    "co",
    "co a",
    "co chu",
    "co roi",
    "co luon",
    "u",
    "uh",
    "uhm",
    "um",
    "uk",
    "uki",
    "ua",
    "uhuh",
    ...OK_WORDS,
    "dong y",
    "duoc",
    "dc",
    "duoc a",
    "yes",
    "y",
    "yep",
    "yeah",
    "ya",
    "yup",
    "sure",
    "of course",
    "roi",
    "chac chan",
    "tat nhien",
    "chinh xac",
    "phai",
    "muon",
    "can",
    "xac nhan",
    "confirm",
    "chuan",
    "chuan roi",
    "correct",
    "all correct",
    "yes correct",
    "that s right",
    "that s correct",
    "thats right",
    "thats correct",
    "yes that s right",
    "yes that s correct",
    "looks good",
    "right",
  ]),
  // "đúng" folds to "dung", as do "dừng" (stop), "đừng" (don't) and "dùng" (use): only those spellings refuse.
  { kind: "yes" as const, words: ["dung"], notExact: ["dừng", "đừng", "dùng"] },
  ...lexicon("yes", ["dung roi", "dung vay", "dung the", "dung a", "dung chu"]),
  // "không sai" (not wrong) is a yes, though it starts with the no of "không".
  ...lexicon("yes", ["khong sai", "ko sai", "k sai", "khong co gi sai", "ko co gi sai", "khong sai gi"]),
  ...lexicon("no", [
    "khong",
    "khong a",
    "khong co",
    "khong can",
    "khong muon",
    "khong phai",
    "ko",
    "ko co",
    "ko can",
    "k",
    "k co",
    "k can",
    "kg",
    "kh",
    "khg",
    "kô",
    "hong",
    "hem",
    "hok",
    "hk",
    "khum",
    "hum",
    "khong dau",
    "chang",
    "chua",
    "chua co",
    "chua a",
    "no",
    "n",
    "nope",
    "nah",
    "no thanks",
    "khoi",
    "khoi can",
    "sai",
    "sai roi",
    // "Not that": said to a wrong answer or a wrong guess.
    "ko phai",
    "k phai",
    "kp",
    "hong phai",
    "khong phai vay",
    "ko phai vay",
    "khong dung",
    "ko dung",
    "k dung",
    "chua dung",
    "not that",
    "wrong",
  ]),
];

/**
 * Words that may follow the answer without changing it: particles, the question's own verb ("đã tiêm rồi",
 * "chưa tiêm"), a vocative.
 */
const FILLERS = new Set([
  "a",
  "ak",
  "ah",
  "nha",
  "nhe",
  "nhen",
  "luon",
  "roi",
  "chu",
  "vay",
  "oi",
  "ban",
  "ad",
  "em",
  "anh",
  "chi",
  "dau",
  "nhe",
  "nhi",
  "ma",
  "nua",
  "tiem",
  "co",
  "lam",
  "thanks",
  "thank",
  "you",
  "please",
  "pls",
  "da",
  "vang",
  "minh",
  "toi",
  "tui",
  "cam",
  "on",
]);

/** Words before the answer: "dạ có", "vâng ạ", "đã tiêm rồi", "mình chưa". */
const LEADING = new Set(["da", "vang", "thua", "minh", "toi", "tui", "em", "anh", "chi", "tiem", "nhan"]);

/** "Dạ", "vâng", "dạ vâng ạ": polite words that, alone, say yes. */
const POLITE_YES = new Set(["da", "vang", "a", "thua"]);

const YES_EMOJI = new Set(["👍", "✅", "👌", "🙆", "✔"]);
const NO_EMOJI = new Set(["👎", "❌", "🙅", "✖", "⛔"]);

/** Reads a typed yes or no (with or without diacritics, teencode, English, 👍/👎), or null. */
export function readYesNo(text: string): YesNo | null {
  if (text.length > 80) return null;
  const reading = prepare(text);
  if (reading.words.length === 0) {
    const yes = reading.emoji.some((e) => YES_EMOJI.has(e));
    const no = reading.emoji.some((e) => NO_EMOJI.has(e));
    return yes === no ? null : yes ? "yes" : "no";
  }
  const read = readWholeMessage(reading, ENTRIES, FILLERS, LEADING);
  if (read) return read;
  const politeOnly = reading.words.every((w) => POLITE_YES.has(w));
  return politeOnly && reading.words.some((w) => w === "da" || w === "vang") ? "yes" : null;
}
