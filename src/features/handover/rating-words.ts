import { lexicon, readWholeMessage } from "../../core/understanding/whole-message";
import { OK_WORDS, prepare } from "../../core/understanding/words";
import { readYesNo } from "../../core/understanding/yes-no";

/*
 * Answers to "Câu trả lời của cán bộ có giúp được bạn không?": a yes or no ("có, cảm ơn", "ko"), or a
 * judgement of the answer ("tốt", "hài lòng", "tệ", "không hài lòng"). Whole messages only, so a new
 * question that starts with "có" is not a vote.
 */
const VERDICTS = [
  ...lexicon("up", [
    "có",
    "có giúp",
    "giúp được",
    "có ích",
    "hữu ích",
    "tốt",
    "rất tốt",
    "hài lòng",
    "rất hài lòng",
    "tuyệt",
    "tuyệt vời",
    "được",
    "dc",
    "hay",
    "nhanh",
    "good",
    "great",
    "helpful",
    "yes",
    "satisfied",
    ...OK_WORDS,
  ]),
  // "ổn" folds to "on", which "cảm ơn" also holds: only with its accent.
  { kind: "up" as const, words: ["on"], exact: ["ổn"] },
  ...lexicon("up", ["on roi", "cung on", "van on"]),
  ...lexicon("down", [
    "không",
    "ko",
    "k",
    "kg",
    "khg",
    "hong",
    "hok",
    "không giúp được",
    "ko giúp được",
    "chưa giúp được",
    "không có ích",
    "vô ích",
    "không tốt",
    "ko tốt",
    "chưa tốt",
    "không hài lòng",
    "ko hài lòng",
    "k hài lòng",
    "chưa hài lòng",
    "tệ",
    "kém",
    "chán",
    "chậm",
    "bad",
    "not helpful",
    "no",
    "unsatisfied",
    "not satisfied",
  ]),
  // "dở" (poor) folds to "do", a common word: only with its accent.
  { kind: "down" as const, words: ["do"], exact: ["dở"] },
];

/** Politeness and intensifiers around a verdict: "tốt lắm ạ", "rất hài lòng, cảm ơn nhiều", "tệ quá". */
const FILLERS = new Set([
  "a",
  "nha",
  "nhe",
  "lam",
  "qua",
  "rat",
  "nhieu",
  "cam",
  "on",
  "thanks",
  "thank",
  "you",
  "ban",
  "ad",
  "em",
  "anh",
  "chi",
  "roi",
  "da",
  "vang",
  "toi",
  "minh",
  "that",
  "very",
  "so",
  "gi",
]);

/** "up" or "down" for a typed answer to the rating question, else null. */
export function readRating(text: string): "up" | "down" | null {
  const yesNo = readYesNo(text);
  if (yesNo) return yesNo === "yes" ? "up" : "down";
  return readWholeMessage(prepare(text), VERDICTS, FILLERS);
}

/*
 * "Anything else you would like to tell us?" answered with nothing to tell: "ko", "không", "thôi", "không có
 * gì", "hết". Never kept as a comment.
 */
const NEGATIONS = ["không", "ko", "k", "kh", "hong", "hok", "chẳng"];
const NOTHING = lexicon("nothing", [
  ...NEGATIONS.flatMap((no) =>
    ["có gì", "có", "góp ý", "ý kiến", "có ý kiến"].map((what) => `${no} ${what}`),
  ),
  "thôi",
  "thôi khỏi",
  "khỏi",
  "hết",
  "bỏ qua",
  "skip",
  "no comment",
  "nothing",
  "none",
]);
const NOTHING_FILLERS = new Set([...FILLERS, "dau", "ca", "nua", "them", "gi", "het"]);

/** True when the answer to "any comment?" says there is none (a no, or "không có gì", "thôi"). */
export function readsNoComment(text: string): boolean {
  return readYesNo(text) === "no" || readWholeMessage(prepare(text), NOTHING, NOTHING_FILLERS) !== null;
}
