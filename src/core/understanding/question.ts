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

/** Question words that are also syllables of names ("Sao Mai", "Bình Hải" → hai): only asked where no name fits. */
const LOOSE_ASKING = new Set(["nao", "gi", "sao", "dau", "ai", "khong", "ko", "hok"]);
const LOOSE_ENDINGS = new Set(["ha", "nhi", "chua", "vay", "ta", "the"]);

/**
 * Whether a text that already fits none of a step's choices reads as a question ("xã nào cũng được hả ad",
 * "chọn cái gì"), so the person is told it was taken for one rather than "not found". Looser than
 * {@link looksLikeQuestion}: it never decides whether an answer is stored, only which help is given.
 */
export function asksSomething(text: string): boolean {
  if (looksLikeQuestion(text)) return true;
  const { words } = prepare(text);
  if (words.length < 2) return false;
  return words.some((word) => LOOSE_ASKING.has(word)) || LOOSE_ENDINGS.has(words.at(-1) ?? "");
}
