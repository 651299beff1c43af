import { lexicon, readWholeMessage } from "./whole-message";
import { OK_WORDS, prepare } from "./words";

/** A message that is conversation rather than a request; the engine answers it briefly and shows the menu. */
export type SmallTalk =
  | "greeting"
  | "thanks"
  | "ack"
  | "anyone-there"
  | "who-are-you"
  | "emoji-only"
  | "laugh"
  | "dont-know"
  | "ask-ahead";

const ENTRIES = [
  ...lexicon("greeting", [
    "alo",
    "a lo",
    "alo alo",
    "chao",
    "xin chao",
    "chao ban",
    "chao ad",
    "chao em",
    "chao anh",
    "chao chi",
    "chao buoi sang",
    "chao buoi chieu",
    "chao buoi toi",
    "hello",
    "helo",
    "hallo",
    "hi",
    "hii",
    "hey",
    "hế lô",
    "good morning",
    "good afternoon",
    "good evening",
    "start",
    "bat dau",
  ]),
  // "cho em hỏi", "hỏi chút ạ": the question comes in the next message; it is not one for the FAQ or officers.
  ...lexicon("ask-ahead", [
    "cho hoi",
    "cho e hoi",
    "cho em hoi",
    "cho minh hoi",
    "cho toi hoi",
    "cho tui hoi",
    "cho chau hoi",
    "cho anh hoi",
    "cho chi hoi",
    "cho hoi chut",
    "cho hoi xiu",
    "cho hoi ti",
    "cho hoi voi",
    "cho e hoi voi",
    "cho em hoi voi",
    "cho minh hoi voi",
    "cho hoi cai",
    "cho e hoi chut",
    "cho em hoi chut",
    "cho em hoi xiu",
    "cho e hoi xiu",
    "hoi chut",
    "hoi xiu",
    "hoi ti",
    "xin hoi",
    "muon hoi",
    "can hoi",
    "co cau hoi",
    "toi co cau hoi",
    "em co cau hoi",
    "hoi cai",
    "question",
    "a question",
    "i have a question",
    "quick question",
    "can i ask",
    "can i ask something",
    "may i ask",
  ]),
  ...lexicon("thanks", [
    "cam on",
    "cam ou",
    "camon",
    "cam on nhieu",
    "cam on nhe",
    "xin cam on",
    "thanks",
    "thank",
    "thank you",
    "thank u",
    "thanks you",
    "thx",
    "tks",
    "tk",
    "ty",
    "many thanks",
    "cmon",
  ]),
  ...lexicon("ack", [
    ...OK_WORDS,
    "uh",
    "u",
    "uk",
    "um",
    "vang",
    "da",
    "da vang",
    "duoc roi",
    "dc roi",
    "biet roi",
    "ro roi",
    "hieu roi",
    "got it",
    "fine",
    "roger",
  ]),
  // "ko biết" typed on its own answers a question no longer on screen; read as a topic, it matched
  // "no smartphone" ("không biết dùng điện thoại").
  ...lexicon("dont-know", [
    "khong biet",
    "ko biet",
    "k biet",
    "ko bik",
    "k bik",
    "hok biet",
    "khong ro",
    "ko ro",
    "chiu",
    "chua biet",
    "toi khong biet",
    "em khong biet",
    "i dont know",
    "i don t know",
    "dont know",
    "dunno",
    "no idea",
  ]),
  ...lexicon("anyone-there", [
    "co ai khong",
    "co ai ko",
    "co ai k",
    "co ai o do khong",
    "co ai o day khong",
    "co ai tra loi khong",
    "ad oi",
    "admin oi",
    "ban oi",
    "bot oi",
    "shop oi",
    "em oi",
    "anh oi",
    "chi oi",
    "anyone there",
    "anybody there",
    "is anyone there",
    "are you there",
    "hello anyone",
  ]),
  // "bạn là ai": what this is, and that it is not a person (people ask before trusting an answer).
  ...lexicon("who-are-you", [
    "ban la ai",
    "ban la ai vay",
    "ban la ai the",
    "bn la ai",
    "bn la ai v",
    "b la ai",
    "la ai vay",
    "ai vay",
    "ai day",
    "day la ai",
    "ban la gi",
    "day la gi",
    "ban la bot a",
    "la bot a",
    "bot a",
    "ban la nguoi hay may",
    "nguoi hay may",
    "co phai bot khong",
    "ban co phai nguoi that khong",
    "who are you",
    "what are you",
    "are you a bot",
    "are you a robot",
    "are you human",
    "are you a real person",
    "is this a bot",
  ]),
  ...lexicon("laugh", [
    "hihi",
    "hehe",
    "haha",
    "hoho",
    "kk",
    "kkk",
    "lol",
    "hi hi",
    "ha ha",
    "he he",
    "keke",
  ]),
];

const FILLERS = new Set([
  "a",
  "ak",
  "nha",
  "nhe",
  "nhieu",
  "ban",
  "ad",
  "admin",
  "em",
  "anh",
  "chi",
  "oi",
  "nhe",
]);
const LEADING = new Set(["xin", "da", "vang", "ok", "oke", "alo", "hello", "hi", "minh", "toi", "em"]);

const ANYONE = ENTRIES.filter((e) => e.kind === "anyone-there");
const GREETING_LEADING = new Set([...LEADING, "alo", "chao", "hello", "hi", "xin"]);
const ASK_AHEAD = ENTRIES.filter((e) => e.kind === "ask-ahead");
/** "ad ơi cho mình hỏi", "alo cho hỏi": a greeting or a call to the admin before it. */
const CALL_LEADING = new Set([...GREETING_LEADING, "ad", "admin", "oi", "anh", "chi", "ban"]);

/** "hahaha", "hihihi", "kkkk", "=))", ":))": laughter of any length. */
const LAUGH = /^(?:(?:ha|he|hi|ho|ke|hj){2,}h?|k{2,}|=+\)+|:+\)+|x+d+|lol+)$/;

/** Reads a message as small talk (greeting, thanks, "ok", "anyone there?", only emoji, laughter), or null. */
export function readSmallTalk(text: string): SmallTalk | null {
  if (text.length > 80) return null;
  const compact = text.trim().toLowerCase();
  if (LAUGH.test(compact.replace(/\s+/g, ""))) return "laugh";
  const reading = prepare(text);
  if (reading.words.length === 0) {
    if (reading.emoji.length === 0) return null;
    return reading.emoji.every((e) => e === "👍" || e === "👌") ? "ack" : "emoji-only";
  }
  // "alo có ai không": the question wins over the greeting in front of it.
  if (readWholeMessage(reading, ANYONE, FILLERS, GREETING_LEADING)) return "anyone-there";
  if (readWholeMessage(reading, ASK_AHEAD, FILLERS, CALL_LEADING)) return "ask-ahead";
  const read = readWholeMessage(reading, ENTRIES, FILLERS, LEADING);
  if (read) return read;
  return reading.words.every((w) => LAUGH.test(w)) ? "laugh" : null;
}
