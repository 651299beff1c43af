import { readSmallTalk } from "../../core/understanding/small-talk";
import { phrases, prepare, startsWith } from "../../core/understanding/words";
import { readYesNo } from "../../core/understanding/yes-no";

/**
 * "Don't know", "don't have one" in the words people type them, as the start of a message. Typed at a
 * free-text step ("ko biet dia chi", "chưa có số nhà"), they were stored as the answer and printed on the
 * poster; they are a person stuck on the question, who should be told what is good enough.
 */
const STUCK = phrases([
  "khong biet",
  "ko biet",
  "k biet",
  "kh biet",
  "hok biet",
  "ko bik",
  "k bik",
  "chua biet",
  "khong ro",
  "ko ro",
  "k ro",
  "khong nho",
  "ko nho",
  "k nho",
  "quen",
  "chua co",
  "khong co",
  "ko co",
  "k co",
  "ch co",
  "dont know",
  "i dont know",
  "i don t know",
  "i do not know",
  "don t know",
  "do not know",
  "not sure",
  "no idea",
  "i have no",
  "there is no",
  "we have no",
  "no",
  "none",
]);

/** What may follow "không biết" and still be only that: the field's own words and polite endings. */
const REST = new Set(
  [
    "dia chi",
    "so nha",
    "duong",
    "ten duong",
    "thon",
    "to",
    "address",
    "house number",
    "street",
    "number",
    "sdt",
    "so",
    "dt",
    "dien thoai",
    "di dong",
    "phone",
    "cu the",
    "chinh xac",
    "a",
    "ak",
    "ah",
    "nha",
    "nhe",
    "roi",
    "luon",
    "gi",
    "the",
    "yet",
    "the address",
    "an address",
    "ad",
    "e",
    "em",
    "minh",
    "toi",
  ].flatMap((p) => p.split(" ")),
);

/**
 * Whether a message typed at a free-text step says the person has no answer rather than giving one: a bare
 * yes or no, a "don't know" on its own, or one followed only by the field's words ("ko biet dia chi a").
 */
export function isNoAnswer(text: string): boolean {
  if (readYesNo(text) || readSmallTalk(text) === "dont-know") return true;
  const { words } = prepare(text);
  const stuck = STUCK.find((phrase) => startsWith(words, phrase));
  if (!stuck) return false;
  return words.slice(stuck.length).every((word) => REST.has(word));
}
