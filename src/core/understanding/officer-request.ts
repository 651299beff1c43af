import { looksLikeQuestion } from "./question";
import { lexicon, readWholeMessage } from "./whole-message";
import { phrases, prepare, startsWith } from "./words";

/** What an officer asks for in words instead of a command: the command that does it. */
export type OfficerRequest = "broadcast" | "trace" | "dashboard" | "survey" | "officer-menu" | "tickets";

/** A request read from an officer's words, with what followed it ("truy vết Chợ Bình Long": the venue). */
export interface OfficerRequestReading {
  request: OfficerRequest;
  /** The words after the request as they were typed (diacritics and capitals kept); "" for none. */
  args: string;
}

const ENTRIES = [
  ...lexicon("broadcast", [
    "gửi thông báo",
    "soạn thông báo",
    "tạo thông báo",
    "gửi thông báo mới",
    "gửi tin",
    "gửi tin nhắn",
    "soạn tin",
    "gửi tin cho dân",
    "gửi tin cho người dân",
    "gửi thông báo cho người dân",
    "gửi thông báo cho dân",
    "nhắn tin cho người dân",
    "nhắn tin cho dân",
    "send a broadcast",
    "new broadcast",
    "broadcast",
    "send a message to everyone",
  ]),
  ...lexicon("trace", [
    "truy vết",
    "truy vet",
    "truy vết địa điểm",
    "trace",
    "trace a venue",
    "tra cứu lượt khai báo",
  ]),
  ...lexicon("dashboard", [
    "bảng điều khiển",
    "mở bảng điều khiển",
    "vào bảng điều khiển",
    "dashboard",
    "open the dashboard",
  ]),
  ...lexicon("survey", [
    "khảo sát",
    "tạo khảo sát",
    "gửi khảo sát",
    "soạn khảo sát",
    "new survey",
    "send a survey",
  ]),
  // "cán bộ" alone: the slash of /canbo left out. Folded it is also "càn bò", but nobody asks a civic
  // helpdesk that; the FAQ read "bò" (cow) and answered about livestock.
  ...lexicon("officer-menu", [
    "menu cán bộ",
    "danh mục cán bộ",
    "lệnh cán bộ",
    "lệnh dành cho cán bộ",
    "chức năng cán bộ",
    "cán bộ",
    "canbo",
    "menu canbo",
    "officer menu",
    "officer commands",
    "officer",
    "officers menu",
  ]),
  ...lexicon("tickets", [
    "danh sách yêu cầu",
    "yêu cầu",
    "yêu cầu đang chờ",
    "yêu cầu chờ trả lời",
    "câu hỏi đang chờ",
    "câu hỏi chờ trả lời",
    "câu hỏi của người dân",
    "câu hỏi của dân",
    "danh sách câu hỏi",
    "ticket",
    "tickets",
    "danh sách ticket",
    "yeucau",
    "open tickets",
    "waiting questions",
    "questions waiting",
  ]),
];

/**
 * Requests that name what they are about right after them: "truy vết Chợ Bình Long 48" is /truyvet with
 * "Chợ Bình Long 48". Longest first, so "truy vết địa điểm X" leaves "X" rather than "địa điểm X".
 */
const WITH_ARGS: { request: OfficerRequest; words: string[] }[] = [
  ...phrases(["truy vết địa điểm", "truy vết", "trace venue", "trace"]).map((words) => ({
    request: "trace" as const,
    words,
  })),
].sort((a, b) => b.words.length - a.words.length);
/**
 * Words between a request and its subject that are not part of it: "truy vết tại chợ …", "trace at …".
 * Compared with diacritics: folded, "tài" (Tài Lộc) and "chợ" would be "tai" and "cho" too.
 */
const LINKS = new Set(["tại", "ở", "at", "for"]);
const FILLERS = new Set([
  "a",
  "ạ",
  "di",
  "nhe",
  "nha",
  "please",
  "toi",
  "muon",
  "can",
  "em",
  "anh",
  "chi",
  "i",
  "want",
  "to",
  "xem",
  "cac",
  "nhung",
  "tat",
  "ca",
  "show",
  "me",
  "list",
  "the",
  "my",
  "all",
  "mo",
  "open",
]);

/**
 * "gửi thông báo", "muốn tạo khảo sát ạ", "truy vết": read only from officers (a citizen typing "gửi thông
 * báo" is asking how to receive them, which the FAQ answers). The whole message must be the request.
 */
export function readOfficerRequest(text: string): OfficerRequestReading | null {
  const reading = prepare(text);
  const whole = readWholeMessage(reading, ENTRIES, FILLERS);
  if (whole) return { request: whole, args: "" };
  // "truy vết là gì?" asks about tracing; it names no venue.
  if (looksLikeQuestion(text)) return null;
  const { words } = reading;
  let at = 0;
  while (at < words.length && FILLERS.has(words[at] ?? "")) at += 1;
  const hit = WITH_ARGS.find((entry) => startsWith(words, entry.words, at));
  if (!hit) return null;
  at += hit.words.length;
  while (at < words.length - 1 && LINKS.has(reading.exactWords[at] ?? "")) at += 1;
  const args = wordsAfter(text, at);
  return args ? { request: hit.request, args } : null;
}

/** The typed text after its first `count` read words, as typed: each space-separated piece read on its own. */
function wordsAfter(text: string, count: number): string {
  const pieces = text.trim().split(/\s+/);
  let read = 0;
  let i = 0;
  while (i < pieces.length && read < count) read += prepare(pieces[i++] ?? "").words.length;
  return pieces.slice(i).join(" ").trim();
}
