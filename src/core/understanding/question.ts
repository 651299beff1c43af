import { containsPhrase, phrases, prepare, startsWith } from "./words";

/**
 * How people open a question in chat: "cho em hỏi…", "làm sao…", "how do I…". Not "hỏi" or "sao" alone:
 * "Hội Phụ nữ xã…" and "Sao Mai" are names.
 */
const OPENERS = phrases([
  "cho hoi",
  "cho em hoi",
  "cho toi hoi",
  "cho minh hoi",
  "cho chau hoi",
  "xin hoi",
  "lam sao",
  "lam the nao",
  "tai sao",
  "vi sao",
  "bao lau",
  "bao gio",
  "khi nao",
  "how",
  "what",
  "when",
  "where",
  "why",
  "can i",
  "do i",
  "is it",
  "is there",
]);

/** Words that ask wherever they stand: "đăng ký xong bao lâu thì có mã", "quán tôi có cần đăng ký không". */
const ASKING = phrases([
  "bao lau",
  "bao nhieu",
  "the nao",
  "lam sao",
  "tai sao",
  "vi sao",
  "o dau",
  "khi nao",
  "bao gio",
  "co phai",
  "phai khong",
  "duoc khong",
  "dc ko",
  "duoc ko",
  "dc khong",
  "co can",
  "can khong",
  "co duoc",
  "hay khong",
]);

/**
 * Particles that end a question: "… có mất phí không", "… là sao vậy". Not "hông", "chưa", "nhỉ", "hả":
 * folded they are Hồng, Chùa, Nhi, Hà, which end names ("Tiệm Tạp Hóa Hồng").
 */
const ENDINGS = new Set(["khong", "ko", "hok", "vay"]);

/**
 * Whether a short answer typed at a step that wants a name or an address is a question instead: a "?", an
 * opener, or a question word ("cho hỏi đăng ký xong bao lâu thì có mã QR vậy"). Names rarely hold these; a
 * question stored as a venue's name would be printed on its poster.
 */
export function looksLikeQuestion(text: string): boolean {
  if (text.includes("?")) return true;
  const { words } = prepare(text);
  if (words.length < 2) return false;
  if (words.length >= 3 && ENDINGS.has(words.at(-1) ?? "")) return true;
  return OPENERS.some((p) => startsWith(words, p)) || ASKING.some((p) => containsPhrase(words, p));
}
