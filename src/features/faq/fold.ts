import { ENGLISH_GLOSSES, ENGLISH_PHRASE_GLOSSES } from "./english-glosses";

/**
 * Folding of Vietnamese chat text into one comparable, diacritic-free form.
 *
 * Citizens type the same question as "Không nhận được mã OTP", "ko nhan dc ma otp" or "k nhận đc OTP".
 * Folding all of these to "khong nhan duoc otp" lets one set of examples cover them. Folding loses the
 * tone marks (mã/mà/má all become "ma"); for short FAQ questions the context words disambiguate enough.
 */

/**
 * Single-token chat abbreviations and spellings without diacritics, keyed by their folded form.
 * Values may hold several words. Ambiguous tokens are left out on purpose:
 * "hong" is both "hông" (= không, southern slang) and "hỏng" (broken), so it stays as typed;
 * "ckcn" has no settled meaning in Covid chat, so it is not guessed.
 */
const TOKEN_EXPANSIONS: Readonly<Record<string, string>> = {
  // negation / question particle "không"
  ko: "khong",
  k: "khong",
  kh: "khong",
  hok: "khong",
  hk: "khong",
  khg: "khong",
  kg: "khong",
  hem: "khong",
  khum: "khong",
  khom: "khong",
  hum: "khong",
  kp: "khong phai",
  // "được"
  dc: "duoc",
  dk: "dang ky",
  dangky: "dang ky",
  dangki: "dang ky",
  dnhap: "dang nhap",
  login: "dang nhap",
  signin: "dang nhap",
  dki: "dang ky",
  dky: "dang ky",
  // "kí" and "ký" are both accepted spellings; fold them to one
  ki: "ky",
  // common chat shorthand
  sdt: "so dien thoai",
  dt: "dien thoai",
  dthoai: "dien thoai",
  dtdd: "dien thoai",
  mk: "mat khau",
  pass: "mat khau",
  password: "mat khau",
  tk: "tai khoan",
  vs: "voi",
  j: "gi",
  bn: "bao nhieu",
  bnhieu: "bao nhieu",
  r: "roi",
  ms: "moi",
  trc: "truoc",
  lm: "lam",
  wa: "qua",
  dj: "di",
  ntn: "nhu the nao",
  xn: "xet nghiem",
  xnghiem: "xet nghiem",
  kq: "ket qua",
  tn: "tin nhan",
  sms: "tin nhan",
  mxn: "otp",
  ubnd: "uy ban",
  tyt: "tram y te",
  ttyt: "trung tam y te",
  bik: "biet",
  bit: "biet",
  mik: "minh",
  mjk: "minh",
  mh: "minh",
  ng: "nguoi",
  nguoj: "nguoi",
  cj: "chi",
  ud: "ung dung",
  app: "ung dung",
  apps: "ung dung",
  application: "ung dung",
  dtu: "dien tu",
  sk: "suc khoe",
  yte: "y te",
  // identity and insurance documents
  cccd: "can cuoc cong dan",
  cmnd: "chung minh nhan dan",
  cmt: "chung minh nhan dan",
  bhyt: "bao hiem y te",
  kbyt: "khai bao y te",
  sskdt: "so suc khoe dien tu",
  skdt: "suc khoe dien tu",
  ssk: "so suc khoe",
  hssk: "so suc khoe",
  // "chích" only ever means an injection, so it is the same word as "tiêm"
  chich: "tiem",
  vx: "vaccine",
  vaxxin: "vaccine",
  vacxinn: "vaccine",
  vaccxin: "vaccine",
  vacine: "vaccine",
  vaccinated: "vaccine",
  vaccination: "vaccine",
  vaccinations: "vaccine",
  vaccinate: "vaccine",
  jab: "vaccine",
  booster: "booster",
  boosters: "booster",
  fo: "f0",
  // vaccine spellings seen in chat
  vacxin: "vaccine",
  vacin: "vaccine",
  vaxin: "vaccine",
  vacxine: "vaccine",
  vaccin: "vaccine",
  vaccines: "vaccine",
  m1: "mui 1",
  m2: "mui 2",
  m3: "mui 3",
  m4: "mui 4",
  // QR spellings
  qrcode: "qr",
  qrs: "qr",
  // app names
  pccovid: "pccovid",
  pccv: "pccovid",
  chplay: "chplay",
  covid19: "covid",
  cv19: "covid",
  covi: "covid",
  corona: "covid",
};

/**
 * Multi-word spellings replaced after token expansion, longest first. These merge names that are typed
 * with or without spaces ("pc covid", "blue zone", "ch play") into one token, and map synonyms of the OTP
 * so "mã xác nhận" and "OTP" count as the same thing.
 */
const PHRASE_EXPANSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  // "mui3", "lan2": the dose number typed without its space
  [/\b(mui|lan|dot)(\d)\b/g, "$1 $2"],
  // a child's age typed short: "con 12t", "be 5tuoi"
  [/\b(\d{1,2})t(?:uoi)?\b/g, "$1 tuoi"],
  // "chị" is a filler pronoun, but in "địa chỉ" it is half the word: keep the word whole
  [/\bdia chi\b/g, "diachi"],
  [/\bdanh ba\b/g, "danhba"],
  [/\bpc (?:co ?vi?d|cov|covit|covd|cvid)(?: 19)?\b/g, "pccovid"],
  [/\bcovid 19\b/g, "covid"],
  // the Ministry hotline is typed with or without its space
  [/\b1900 9095\b/g, "19009095"],
  [/\bco vid\b/g, "covid"],
  [/\bvac xin\b/g, "vaccine"],
  [/\bvac xi\b/g, "vaccine"],
  // "tiêm ngừa" / "chích ngừa" (already "tiem ngua") is one word for vaccinating
  [/\btiem ngua\b/g, "tiem"],
  // every way of naming a third or later dose is the booster; "mũi 3" alone is how most people ask
  [/\bmui (?:3|4|ba|bon|thu (?:3|4|ba|tu)|nhac(?: lai)?|tang cuong|bo sung)\b/g, "booster"],
  [/\b(?:3rd|third|4th|fourth|extra) (?:dose|shot|jab)\b/g, "booster"],
  // a positive test is what "F0" means in every local notice
  [/\b(?:duong tinh|dinh covid|bi covid|mac covid|nhiem covid|len 2 vach|hai vach|2 vach)\b/g, "f0"],
  [/\btiep xuc gan\b/g, "f1"],
  // "đt" was already expanded to "dien thoai", but after "sổ sk" it is the health book's "điện tử"
  [/\bso (?:sk|suc khoe) (?:dien thoai|dien tu)\b/g, "so suc khoe dien tu"],
  [/\bdinh danh dien tu\b/g, "vneid"],
  [/\bvn ?eid\b/g, "vneid"],
  [/\bpc ?cv\b/g, "pccovid"],
  [/\bvac cin\b/g, "vaccine"],
  [/\bblue zone\b/g, "bluezone"],
  [/\bch play\b/g, "chplay"],
  [/\bgoogle play\b/g, "chplay"],
  [/\bplay store\b/g, "chplay"],
  [/\bqr code\b/g, "qr"],
  [/\bma (?:xac nhan|xac thuc|kich hoat)\b/g, "otp"],
  [/\bdien thoai thong minh\b/g, "smartphone"],
  [/\bsmart phone\b/g, "smartphone"],
  [/\bcheck in\b/g, "checkin"],
  [/\b(?:sign|log) (?:in|on)\b/g, "dang nhap"],
  [/\bdang ki\b/g, "dang ky"],
];

/** Longer tokens are never words (pasted links, keyboard mashing); cutting them bounds every later step. */
export const MAX_TOKEN_LENGTH = 32;
/** Questions are cut here: a paragraph is plenty to find the subject, and a pasted essay must stay cheap. */
export const MAX_TEXT_LENGTH = 1000;

// NFD leaves "đ" intact (it is a separate letter, not d + mark), so it is mapped by hand.
const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Folds a Vietnamese (or English) chat message into a lowercase, diacritic-free, space-separated string,
 * expanding common abbreviations and no-diacritic spellings.
 *
 * @example foldVietnamese("Ko nhận đc mã OTP!!") === "khong nhan duoc otp"
 * @param text raw user text in any case, with or without diacritics
 * @param options `englishGlosses: false` keeps English words as typed (to compare texts as written)
 * @returns folded text; empty string when nothing word-like is left
 */
export function foldVietnamese(text: string, options: { englishGlosses?: boolean } = {}): string {
  const stripped = text
    .slice(0, MAX_TEXT_LENGTH)
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    // "pc-covid" and "sđt" style tokens: punctuation becomes a word break
    .replace(NON_WORD, " ")
    .trim();
  if (stripped === "") return "";
  const glosses = options.englishGlosses ?? true;
  let english = stripped;
  if (glosses)
    for (const [pattern, replacement] of ENGLISH_PHRASE_GLOSSES)
      english = english.replace(pattern, replacement);
  let folded = english
    .split(" ")
    .map((token) => {
      const stemmed = TOKEN_EXPANSIONS[token] ?? stemEnglish(token.slice(0, MAX_TOKEN_LENGTH));
      return glosses ? (ENGLISH_GLOSSES[stemmed] ?? stemmed) : stemmed;
    })
    .join(" ");
  for (const [pattern, replacement] of PHRASE_EXPANSIONS) {
    folded = folded.replace(pattern, replacement);
  }
  return folded.replace(/\s+/g, " ").trim();
}

/**
 * Strips English plural and tense endings. Vietnamese syllables never end in "s", "d" or "ing" once folded,
 * so the rule cannot damage a Vietnamese word; teencode tokens ending that way are expanded before this.
 */
function stemEnglish(token: string): string {
  if (token.length < 5 || /\d/.test(token)) return token;
  if (token.endsWith("ing")) return token.slice(0, -3);
  if (token.endsWith("ied")) return `${token.slice(0, -3)}y`;
  if (token.endsWith("ed")) return token.slice(0, -2);
  if (token.endsWith("s") && !token.endsWith("ss")) return token.slice(0, -1);
  return token;
}
