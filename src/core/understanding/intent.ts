import { venueCodeIn } from "../venue-code-format";
import { containsPhrase, phrases, prepare } from "./words";

/** What a message typed outside any flow asks for, when it asks for one of these. */
export type Intent =
  | { kind: "unsubscribe" }
  | { kind: "subscribe" }
  | { kind: "register-venue" }
  | { kind: "human" }
  | { kind: "erase-data" }
  /** "nhắc tôi tiêm mũi tiếp theo": a reminder of the person's own next dose. */
  | { kind: "dose-reminder" }
  /** "english please", "tiếng Việt": the language to answer in. */
  | { kind: "language"; language: "vi" | "en" }
  /** A venue code as printed on a poster, typed alone ("7KQ3 MZP9XA", "mã 7kq3mzp9xa"). */
  | { kind: "venue-code"; code: string }
  /**
   * An owner asking for what they registered: "in lại poster", "cho tôi xin lại mã QR", "địa điểm của tôi".
   * `resend` when they want the QR and poster again; `sure` when it can only mean a venue they registered
   * ("poster", "địa điểm"): "mã QR của tôi" alone may be a citizen's own PC-Covid code.
   */
  | { kind: "own-venues"; resend: boolean; sure: boolean };

/*
 * Intents are read from a verb and an object in order ("đừng … gửi … nữa"), not from a whole-message list:
 * people phrase these freely. Each needs both parts so that a question about the thing is not taken for the
 * request: "tại sao không nhận được tin" asks why (a question word blocks unsubscribe), "quét mã QR" scans.
 * Callers confirm before acting on unsubscribe and erase-data.
 */

const ERASE_VERBS = phrases(["xoa", "delete", "erase", "remove", "xoa bo", "xoa het"]);
const ERASE_OBJECTS = phrases(["du lieu", "thong tin", "tai khoan", "data", "account", "ho so", "lich su"]);

const STOP_VERBS = phrases(["ngung", "dung", "huy", "tat", "thoi", "bo", "stop", "cham dut"]);
const NEGATIONS = phrases(["khong", "ko", "k", "kg", "khg", "kh", "dung", "hong", "hok", "chang", "no"]);
const SEND_VERBS = phrases(["nhan", "gui", "send", "receive", "nt", "nhan tin"]);
const MESSAGES = phrases([
  "tin",
  "tin nhan",
  "thong bao",
  "nhac",
  "nua",
  "messages",
  "message",
  "notifications",
]);
const UNSUBSCRIBE_WHOLE = phrases(["huy dang ky", "huy dk", "unsubscribe", "huy theo doi", "bo theo doi"]);
const QUESTION_WORDS = phrases(["sao", "tai sao", "vi sao", "why", "the nao", "how", "khi nao", "bao gio"]);

const SUBSCRIBE_VERBS = phrases(["dang ky", "dang ki", "dk", "muon", "xin", "cho"]);
// "send me reminders", "i want to get updates", "sign me up for alerts".
const SUBSCRIBE_VERBS_EN = phrases(["send", "get", "receive", "want", "sign up", "sign me up", "subscribe"]);
const MESSAGES_EN = phrases(["reminders", "reminder", "updates", "alerts", "news", "notifications"]);
const NEGATIONS_EN = phrases(["dont", "don", "not", "never", "no more", "stop"]);
// Whole messages only: "nhận thông báo" alone asks for them, "nhận được thông báo F1 thì làm gì" does not.
const SUBSCRIBE_WHOLE = phrases([
  "subscribe",
  "theo doi",
  "nhan tin",
  "nhan nhac nho",
  "nhan tin nhac nho",
  "nhan thong bao",
  "nhan tin thong bao",
  "nhan thong bao nhac nho",
  "bat thong bao",
  "bat nhac nho",
  "nhac nho",
]);

const REGISTER_VERBS = phrases([
  "dang ky",
  "dang ki",
  "dk",
  "tao",
  "lam",
  "xin",
  "cap",
  "in",
  "register",
  "create",
]);
const REGISTER_OBJECTS = phrases(["qr", "ma qr", "dia diem", "venue", "poster"]);
const SCAN = phrases(["quet", "scan", "lam sao", "cach quet"]);
// "register my shop": English owners name the place, not a QR code. Only with register/create, since
// "get my QR code" is a citizen's own PC-Covid code.
const REGISTER_VERBS_EN = phrases(["register", "create", "set up", "sign up"]);
const REGISTER_PLACES_EN = phrases([
  "shop",
  "store",
  "business",
  "restaurant",
  "cafe",
  "coffee shop",
  "venue",
  "office",
]);

// "in lại", "xin lại", "gửi lại cho tôi": asking again for something received before, so not a new registration.
const FETCH_VERBS = phrases(["xin", "gui", "in", "lay", "cap", "tai", "send", "print", "get", "download"]);
const AGAIN = phrases(["lai", "again"]);
const RESEND_WHOLE = phrases(["resend", "reprint", "in lai", "gui lai"]);
const VENUE_PAPERS = phrases(["poster", "ap phich", "to in", "ban in", "posters"]);
const VENUE_PLACES = phrases(["dia diem", "quan", "cua hang", "co so", "venue", "venues", "shop", "store"]);
// Not "mã" alone: folded, it is also "mà" ("con của tôi mà chưa tiêm").
const QR = phrases(["qr", "ma qr", "qr code", "ma dia diem", "ma quan"]);
const MINE = phrases(["cua toi", "cua em", "cua minh", "cua tui", "cua tao", "my", "toi da dang ky"]);
// "mã của tôi" as the whole message: folded, "mã" is also "mà", but "mà của tôi" alone says nothing.
const MY_CODE_WHOLE = phrases([
  "ma cua toi",
  "ma cua em",
  "ma cua minh",
  "ma cua tui",
  "xem ma cua toi",
  "ma cua toi dau",
  "my code",
]);
// A code that names the citizen's app is that app's personal code, for the FAQ, never a venue's.
const PERSONAL_CODE = phrases([
  "ca nhan",
  "pc covid",
  "pccovid",
  "pccv",
  "personal",
  "vneid",
  "so suc khoe",
  "sskdt",
]);
/** "đăng ký quán của tôi", "register my shop": a new registration, unless asked "again". */
const NEW_REGISTRATION = phrases([
  "dang ky",
  "dang ki",
  "dk",
  "tao",
  "register",
  "create",
  "set up",
  "sign up",
]);

// "nhắc tôi … mũi": asked for oneself. "mũi nhắc lại" is the booster itself, a question for the FAQ.
const REMIND_ME = phrases([
  "nhac toi",
  "nhac em",
  "nhac minh",
  "nhac giup",
  "nhac dum",
  "nhac lich",
  "dat nhac",
  "hen nhac",
  "remind me",
]);
const DOSE = phrases(["tiem", "mui", "dose", "vaccine", "vac xin", "shot", "jab"]);

/** Whole messages that ask for a language (folded). */
const LANGUAGE_WORDS: Record<"vi" | "en", string[][]> = {
  en: phrases([
    "english",
    "english please",
    "in english",
    "speak english",
    "tieng anh",
    "english pls",
    "eng",
  ]),
  vi: phrases(["tieng viet", "vietnamese", "in vietnamese", "noi tieng viet", "tieng viet di"]),
};

/** A language's name, for a request worded around it ("chuyển sang tiếng Việt đi", "switch to English"). */
const LANGUAGE_NAMES: Record<"vi" | "en", string[][]> = {
  en: phrases(["english", "tieng anh"]),
  vi: phrases(["tieng viet", "vietnamese"]),
};

/** Words that may stand around a language's name in a request for it, and nothing else. */
const LANGUAGE_REQUEST_WORDS = new Set([
  ...["chuyen", "sang", "doi", "qua", "ve", "noi", "dung", "bang", "cho", "minh", "toi", "tui", "em", "muon"],
  ...["xin", "hay", "voi", "di", "nha", "nhe", "a", "ah", "vay", "ngon", "ngu", "lai", "tra", "loi", "viet"],
  ...[
    "please",
    "pls",
    "switch",
    "change",
    "to",
    "speak",
    "in",
    "language",
    "reply",
    "answer",
    "me",
    "can",
    "you",
  ],
]);

/** The name of a language with only request words around it, in a short message. */
function asksForLanguage(words: readonly string[], names: readonly string[][]): boolean {
  if (words.length > 8) return false;
  const at = find(words, names);
  if (!at) return false;
  return words.every((word, i) => (i >= at[0] && i < at[1]) || LANGUAGE_REQUEST_WORDS.has(word));
}

const HUMAN_WHOLE = phrases([
  "nguoi that",
  "gap can bo",
  "gap nguoi",
  "gap nhan vien",
  "lien he can bo",
  "noi chuyen voi can bo",
  "noi chuyen voi nguoi",
  "noi chuyen voi nhan vien",
  "ket noi can bo",
  "ket noi nhan vien",
  "tong dai vien",
  "hoi can bo",
  "talk to someone",
  "talk to a human",
  "talk to a person",
  "human",
  "real person",
  "agent",
  "operator",
]);

/** Index of the first of `list` found in `words` at or after `from`, as [start, end), or undefined. */
function find(words: readonly string[], list: readonly string[][], from = 0): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const p of list) {
    for (let at = from; at + p.length <= words.length; at += 1) {
      if (best && at >= best[0]) break;
      if (p.every((w, i) => words[at + i] === w)) best = [at, at + p.length];
    }
  }
  return best;
}

/** True when `first` is found, then `second` after it (within `gap` words when given). */
function inOrder(words: readonly string[], first: string[][], second: string[][], gap = 6): boolean {
  for (let from = 0; from < words.length; ) {
    const a = find(words, first, from);
    if (!a) return false;
    const b = find(words, second, a[1]);
    if (b && b[0] - a[1] <= gap) return true;
    from = a[0] + 1;
  }
  return false;
}

const anyOf = (words: readonly string[], list: readonly string[][]) =>
  list.some((p) => containsPhrase(words, p));

/**
 * Reads what a message typed outside a flow asks for, or null. `notOwner` says the person has registered no
 * venue, so "mã QR của tôi" is not asked of the venues and is read for the other intents.
 */
export function readIntent(text: string, options: { notOwner?: boolean } = {}): Intent | null {
  // A code of a venue that exists was taken before (the check-in's typed-code fallback); one of no venue is
  // still a code, told apart from words, and answered as an unknown venue rather than matched as a question.
  if (text.length <= 40) {
    const code = venueCodeIn(text);
    if (code) return { kind: "venue-code", code };
  }
  const { words } = prepare(text);
  if (words.length === 0) return null;
  for (const language of ["en", "vi"] as const)
    if (isWhole(words, LANGUAGE_WORDS[language]) || asksForLanguage(words, LANGUAGE_NAMES[language]))
      return { kind: "language", language };
  if (inOrder(words, ERASE_VERBS, ERASE_OBJECTS, 4)) return { kind: "erase-data" };
  const own = readOwnVenues(words);
  if (own && (own.sure || !options.notOwner)) return own;
  const question = text.includes("?") || anyOf(words, QUESTION_WORDS);
  if (!question && isUnsubscribe(words)) return { kind: "unsubscribe" };
  if (
    (inOrder(words, REGISTER_VERBS, REGISTER_OBJECTS) ||
      inOrder(words, REGISTER_VERBS_EN, REGISTER_PLACES_EN, 3)) &&
    !anyOf(words, SCAN) &&
    !anyOf(words, PERSONAL_CODE)
  )
    return { kind: "register-venue" };
  if (anyOf(words, HUMAN_WHOLE)) return { kind: "human" };
  if (inOrder(words, REMIND_ME, DOSE, 4)) return { kind: "dose-reminder" };
  const subscribesEn =
    !question && !anyOf(words, NEGATIONS_EN) && inOrder(words, SUBSCRIBE_VERBS_EN, MESSAGES_EN, 3);
  if (
    !anyOf(words, NEGATIONS) &&
    (inOrder(words, SUBSCRIBE_VERBS, MESSAGES, 3) || isWhole(words, SUBSCRIBE_WHOLE) || subscribesEn)
  ) {
    return { kind: "subscribe" };
  }
  return null;
}

/** "in lại poster", "xin lại mã qr", "địa điểm của tôi", "my venues": what an owner registered, or again. */
function readOwnVenues(words: readonly string[]): (Intent & { kind: "own-venues" }) | null {
  const papers = anyOf(words, VENUE_PAPERS);
  if (!papers && anyOf(words, PERSONAL_CODE) && !anyOf(words, VENUE_PLACES)) return null;
  const objects = [...VENUE_PAPERS, ...QR, ...VENUE_PLACES];
  const again =
    (inOrder(words, FETCH_VERBS, AGAIN, 2) &&
      (inOrder(words, AGAIN, objects, 5) || inOrder(words, objects, AGAIN, 5))) ||
    inOrder(words, RESEND_WHOLE, objects, 4);
  if (again) return { kind: "own-venues", resend: true, sure: papers || anyOf(words, VENUE_PLACES) };
  if (anyOf(words, NEW_REGISTRATION) || anyOf(words, SCAN)) return null;
  if (isWhole(words, MY_CODE_WHOLE)) return { kind: "own-venues", resend: true, sure: false };
  const place = anyOf(words, VENUE_PLACES);
  if (inOrder(words, objects, MINE, 3) || inOrder(words, MINE, objects, 1))
    return { kind: "own-venues", resend: !place, sure: papers || place };
  return null;
}

function isUnsubscribe(words: readonly string[]): boolean {
  if (anyOf(words, UNSUBSCRIBE_WHOLE)) return true;
  if (inOrder(words, STOP_VERBS, SEND_VERBS, 4) && inOrder(words, SEND_VERBS, MESSAGES, 3)) return true;
  // "tắt thông báo", "dừng tin nhắn", "stop messages": the stop verb right before what is sent.
  if (
    inOrder(
      words,
      STOP_VERBS,
      MESSAGES.filter((m) => m[0] !== "nua"),
      0,
    )
  )
    return true;
  // "ko nhận tin nữa", "đừng gửi nữa": a negation, the verb, and "nữa" (without it, "không nhận được tin"
  // is a complaint, not a request).
  return inOrder(words, NEGATIONS, SEND_VERBS, 3) && words.includes("nua");
}

function isWhole(words: readonly string[], list: readonly string[][]): boolean {
  return list.some((p) => p.length === words.length && p.every((w, i) => words[i] === w));
}
