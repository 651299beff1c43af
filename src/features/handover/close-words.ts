import { lexicon, readWholeMessage } from "../../core/understanding/whole-message";
import { OK_WORDS, prepare } from "../../core/understanding/words";

/** What a message at an open ticket says about ending it. */
export type Ending = "close" | "thanks";

/*
 * What a person types to end their conversation with an officer: "xong", "xong rồi", "hết rồi", "cảm ơn,
 * xong", "hủy", "thôi khỏi". A whole-message reading, so "xong chưa ạ?" or a sentence that mentions "xong"
 * stays a message for the officer. "hủy" only with its accent: "Huy" is a name.
 */
const CLOSE = [
  ...lexicon("close", [
    "xong",
    "xong rồi",
    "đã xong",
    "vậy là xong",
    "hết",
    "hết rồi",
    "hết ạ",
    "không còn gì",
    "ko còn gì",
    "k còn gì",
    "hết câu hỏi",
    "vậy thôi",
    "thế thôi",
    "kết thúc",
    "đóng",
    "thôi khỏi",
    "không cần nữa",
    "ko cần nữa",
    "done",
    "close",
    "finished",
    "that's all",
    "thats all",
    "nothing else",
    "cancel",
  ]),
  { kind: "close" as const, words: ["huy"], exact: ["hủy"] },
  { kind: "close" as const, words: ["huy"], exact: ["huỷ"] },
];

/*
 * A thank-you or an "ok" on its own: "ok cảm ơn", "cam on nhe", "thanks". Right after an officer's answer it
 * most likely ends the conversation, but it may as well be politeness before the next question, so the
 * caller asks rather than closes (and passes the thanks on to the officer either way).
 */
const THANKS = lexicon("thanks", [
  "cảm ơn",
  "cám ơn",
  "camon",
  "cảm ơn nhiều",
  "thanks",
  "thank",
  "thank you",
  "thank u",
  "thanks a lot",
  "thx",
  "tks",
  "thks",
  "ty",
  "dạ vâng",
  "vâng",
  "dạ",
  "được rồi",
  "dc roi",
  "đã rõ",
  "rõ rồi",
  "hiểu rồi",
  ...OK_WORDS,
]);

/** Particles and forms of address around either reading ("ạ", "nhé", "bạn", "ad", "em", "nhiều"). */
const PARTICLES = [
  "a",
  "nha",
  "nhe",
  "nhen",
  "roi",
  "vay",
  "the",
  "nhieu",
  "lam",
  "nua",
  "dau",
  "ban",
  "ad",
  "em",
  "anh",
  "chi",
  "toi",
  "minh",
  "so",
  "much",
  "you",
  "u",
];
const FILLERS = new Set(PARTICLES);
/** A closing word may come with a thank-you ("cảm ơn, xong", "ok xong"): those words are fillers there. */
const CLOSE_FILLERS = new Set([
  ...PARTICLES,
  "thoi",
  "cam",
  "on",
  "thanks",
  "thank",
  "da",
  "vang",
  ...OK_WORDS,
]);

/** "close" for a request to end the conversation, "thanks" for a thank-you or "ok" alone, else null. */
export function readEnding(text: string): Ending | null {
  const reading = prepare(text);
  if (readWholeMessage(reading, CLOSE, CLOSE_FILLERS) === "close") return "close";
  return readWholeMessage(reading, THANKS, FILLERS);
}
