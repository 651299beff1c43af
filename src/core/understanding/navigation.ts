import { lexicon, readWholeMessage } from "./whole-message";
import { prepare } from "./words";

/** A word that moves through a flow rather than answering its question. */
export type Navigation = "back" | "cancel" | "menu" | "help";

/*
 * The rule: a message is navigation only when it is, as a whole, a navigation phrase with polite filler
 * around it ("quay lại đi", "thôi khỏi", "hủy nha bạn", "thôi không đăng ký nữa"). Any word that is neither
 * makes it data, so an address "Thôn Lui", a name "Thôi Thị Hoa" or a venue "Quán Trở Lại" is stored as typed.
 * A bare "Huy" or "Lùi" typed as a name does read as navigation: the flow shows what "back"/"cancel" did and
 * the person can answer again, which costs less than storing "hủy" as somebody's name.
 */

const ENTRIES = [
  ...lexicon("back", [
    "quay lai",
    "quay lui",
    "tro lai",
    "tro ve",
    "quay lai buoc truoc",
    "tro lai buoc truoc",
    "ve buoc truoc",
    "buoc truoc",
    "cau truoc",
    "lui",
    "lui lai",
    "lui ve",
    "back",
    "go back",
    "previous",
    "prev",
  ]),
  ...lexicon("cancel", [
    "huy",
    "huy bo",
    "huy het",
    "thoi",
    "thoi khoi",
    "khoi",
    "thoat",
    "thoat ra",
    "dung lai",
    "ngung",
    "ngung lai",
    "bo di",
    "cancel",
    "exit",
    "quit",
    "stop",
    "abort",
    "never mind",
    "nevermind",
    "forget it",
  ]),
  // "dừng" alone: folded it is also "đúng" (right) and "dùng" (use), so only the spelling with its mark.
  { kind: "cancel" as const, words: ["dung"], exact: ["dừng"] },
  ...lexicon("menu", [
    "menu",
    "menu chinh",
    "main menu",
    "danh muc",
    "trang chu",
    "ve trang chu",
    "ve menu",
    "quay ve menu",
    "quay lai menu",
    "tro ve menu",
    "quay ve trang chu",
    "quay lai trang chu",
    "home",
  ]),
  ...lexicon("help", [
    "help",
    "help me",
    "tro giup",
    "giup",
    "giup voi",
    "giup do",
    "huong dan",
    "can giup",
    "can giup do",
    "can tro giup",
    "hdsd",
  ]),
];

/** Polite words around a navigation phrase: particles, vocatives, "please". */
const FILLERS = new Set([
  "di",
  "nha",
  "nhe",
  "nhen",
  "nghe",
  "a",
  "ha",
  "ak",
  "oi",
  "ban",
  "ad",
  "admin",
  "bot",
  "em",
  "anh",
  "chi",
  "luon",
  "dau",
  "gium",
  "giup",
  "voi",
  "khoi",
  "nua",
  "lai",
  "roi",
  "het",
  "vay",
  "the",
  "ma",
  "nay",
  "cai",
  "buoc",
  "please",
  "pls",
  "plz",
  "now",
  "it",
  "ok",
  "oke",
  "thoi",
]);

/** Words before the phrase: "cho tôi quay lại", "mình muốn hủy", "vui lòng hủy", "ok thôi". */
const LEADING = new Set([
  "cho",
  "minh",
  "toi",
  "tui",
  "em",
  "anh",
  "chi",
  "muon",
  "xin",
  "vui",
  "long",
  "hay",
  "please",
  "pls",
  "ok",
  "oke",
  "thoi",
  "da",
  "vang",
  "uh",
  "u",
  "i",
  "want",
  "to",
  "can",
  "xem",
  "mo",
]);

const NEGATIONS = new Set(["khong", "ko", "k", "kg", "khg", "kh", "hong", "hok", "chang", "dung"]);

/** "không làm nữa", "ko đăng ký nữa", "k cần nữa": a negation, at most four words, "nữa". */
function quitClause(words: readonly string[], at: number): number {
  if (!NEGATIONS.has(words[at] ?? "")) return 0;
  for (let end = at + 1; end <= at + 5 && end < words.length; end += 1) {
    if (words[end] === "nua") return end - at + 1;
  }
  return 0;
}

/** Reads a whole message as back / cancel / menu / help, or null when it is anything else (an answer). */
export function readNavigation(text: string): Navigation | null {
  if (text.length > 80) return null;
  const reading = prepare(text.replace(/^\s*\//, ""));
  if (reading.words.length === 0) return null;
  return readWholeMessage(reading, ENTRIES, FILLERS, LEADING, { kind: "cancel", length: quitClause });
}

/*
 * Asking for a person, as a whole message ("cho tôi gặp cán bộ", "hỏi cán bộ đi", "talk to a human"): inside
 * a flow it leaves the flow for the officers rather than being stored as a venue name or an answer. Only the
 * whole message: "cán bộ xã hỏi tôi mã QR" is an answer like any other.
 */
const PERSON = lexicon("person", [
  "gap can bo",
  "hoi can bo",
  "gap can bo xa",
  "hoi can bo xa",
  "lien he can bo",
  "ket noi can bo",
  "noi chuyen voi can bo",
  "noi chuyen can bo",
  "chuyen can bo",
  "chuyen cho can bo",
  "gap nguoi that",
  "nguoi that",
  "noi chuyen voi nguoi that",
  "gap nhan vien",
  "gap tong dai vien",
  "gap admin",
  "talk to a human",
  "talk to someone",
  "talk to a person",
  "talk to an officer",
  "real person",
  "human",
]);

/** True when the whole message asks for a person (an officer) rather than answering anything. */
export function asksForPerson(text: string): boolean {
  if (text.length > 80) return false;
  const reading = prepare(text);
  if (reading.words.length === 0) return false;
  return readWholeMessage(reading, PERSON, FILLERS, LEADING) === "person";
}
