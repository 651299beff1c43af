import { lexicon, readWholeMessage } from "../../core/understanding/whole-message";
import { OK_WORDS, prepare } from "../../core/understanding/words";

/*
 * What a person types to end their conversation with an officer: "xong", "xong rồi", "cảm ơn, xong", "hủy",
 * "thôi khỏi". A whole-message reading, so "xong chưa ạ?" or a sentence that mentions "xong" stays a message
 * for the officer, and "cảm ơn" alone is a thank-you to pass on, not a goodbye. "hủy" only with its accent:
 * "Huy" is a name.
 */
const ENTRIES = [
  ...lexicon("close", [
    "xong",
    "xong rồi",
    "đã xong",
    "kết thúc",
    "đóng",
    "thôi khỏi",
    "không cần nữa",
    "done",
    "close",
    "finished",
    "that's all",
    "thats all",
    "cancel",
  ]),
  { kind: "close" as const, words: ["huy"], exact: ["hủy"] },
  { kind: "close" as const, words: ["huy"], exact: ["huỷ"] },
];
const FILLERS = new Set([
  "cam",
  "on",
  "nha",
  "nhe",
  "a",
  "roi",
  "thanks",
  "thank",
  "you",
  "em",
  "toi",
  "minh",
  "vay",
  "the",
  "thoi",
  ...OK_WORDS,
]);

export function readCloseRequest(text: string): boolean {
  return readWholeMessage(prepare(text), ENTRIES, FILLERS) === "close";
}
