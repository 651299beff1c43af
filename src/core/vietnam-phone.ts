/**
 * Vietnamese phone numbers as typed into a chat, normalised to E.164 (`+84…`). In core because two sides
 * share it: venue registration and the check-in form accept numbers with it, and the masking of numbers in
 * free text (src/core/mask-phones.ts) hides exactly what it accepts.
 *
 * Numbering plan (after the 2017 landline and 2018 mobile renumbering):
 * - mobile: 10 digits, `0` + one of 3/5/7/8/9 + 8 digits (e.g. 0905 123 456);
 * - landline: 11 digits, `02` + area code + subscriber, e.g. Quảng Ngãi 0255 3xx xxxx, Hà Nội 024 xxxx xxxx;
 * - the old 11-digit `01x` mobile prefixes were moved to 03/05/07/08 in 2018 and no longer ring.
 */

/** Why an input was not accepted; the dialog maps each reason to a message key. */
export type PhoneRejectReason =
  | "empty"
  | "not-digits"
  | "wrong-length"
  | "not-mobile"
  | "old-mobile-prefix"
  | "not-vietnamese";

/** What kind of line a normalised number is. */
export type PhoneKind = "mobile" | "landline";

/** Result of {@link normaliseVietnamesePhone}. */
export type PhoneResult =
  | { ok: true; e164: string; kind: PhoneKind }
  | { ok: false; reason: PhoneRejectReason };

/** Options for {@link normaliseVietnamesePhone}. */
export interface NormalisePhoneOptions {
  /**
   * Accept 02x landlines (default false, for a number that must be a mobile). Venue registration sets it
   * true: it sends no SMS and asks for no OTP, and a venue's public contact number in Quảng Ngãi is often a
   * 0255 landline.
   */
  allowLandline?: boolean;
}

// Longer than any honest way of writing a number with separators; stops pathological inputs early.
const MAX_INPUT_LENGTH = 32;
// Separators people use: spaces, dots, dashes, slashes and brackets around "+84" or an area code.
const SEPARATORS = /[\s.\-/()]/g;

/**
 * Words people put around a number when asked for one: "sdt 0905…", "số của em là 0905…", "my number is
 * +84…", "0905… ạ". Only around it: a number inside a sentence is not an answer to "what is the number?".
 */
const LEADING_LABEL =
  /^(?:số\s*điện\s*thoại|so\s*dien\s*thoai|số\s*đt|so\s*dt|sđt|sdt|đt|dt|số|so|phone(?:\s*number)?|tel|mobile|my\s+(?:phone\s+)?number|my\s+phone)(?:\s+(?:của\s+|cua\s+)?(?:tôi|toi|em|anh|chị|chi|mình|minh|cháu|chau|me))?(?:\s+(?:là|la|is))?\s*[:=]?\s*(?=[+(0-9])/iu;
const TRAILING_POLITENESS = /(?<=[0-9)])\s*(?:ạ|nhé|nhe|nha|nhá|à|a)?\s*[.!]*$/iu;

/**
 * Normalises a Vietnamese phone number typed in any common way (`0905 123 456`, `0905.123.456`,
 * `+84905123456`, `84-905-123-456`, `(+84) 905 123 456`) to E.164, e.g. `+84905123456`.
 * Mobile numbers only, unless `allowLandline` is set.
 */
export function normaliseVietnamesePhone(input: string, options: NormalisePhoneOptions = {}): PhoneResult {
  // NFKC turns full-width digits and no-break spaces from phone keyboards into plain ASCII.
  const compact = input
    .normalize("NFKC")
    .trim()
    .replace(LEADING_LABEL, "")
    .replace(TRAILING_POLITENESS, "")
    .replace(SEPARATORS, "");
  if (compact === "") return { ok: false, reason: "empty" };
  if (compact.length > MAX_INPUT_LENGTH) return { ok: false, reason: "wrong-length" };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: "not-digits" };

  const national = toNationalNumber(compact);
  if (national === undefined) return { ok: false, reason: "not-vietnamese" };
  return classify(national, options.allowLandline ?? false);
}

/** Strips the country code and returns the number with its trunk `0`, or undefined for a foreign number. */
function toNationalNumber(compact: string): string | undefined {
  let rest: string;
  if (compact.startsWith("+")) {
    if (!compact.startsWith("+84")) return undefined;
    rest = compact.slice(3);
  } else if (compact.startsWith("0084")) {
    rest = compact.slice(4);
  } else if (compact.startsWith("00")) {
    return undefined;
  } else if (compact.startsWith("0")) {
    return compact;
  } else if (compact.startsWith("84") && compact.length >= 11) {
    // 84 + 9 or 10 digits: a country code written without "+". Shorter strings starting with 84 are
    // national numbers that lost their 0 (e.g. a VinaPhone 084…), handled below.
    rest = compact.slice(2);
  } else {
    // Contacts exported as "905123456" drop the trunk 0; length checks below still apply.
    rest = compact;
  }
  // "+84 (0) 905…" and "+840905…" keep the trunk 0 after the country code.
  return rest.startsWith("0") ? rest : `0${rest}`;
}

function classify(national: string, allowLandline: boolean): PhoneResult {
  const e164 = `+84${national.slice(1)}`;
  if (/^0[35789]/.test(national)) {
    return national.length === 10
      ? { ok: true, e164, kind: "mobile" }
      : { ok: false, reason: "wrong-length" };
  }
  if (national.startsWith("02")) {
    if (national.length !== 11) return { ok: false, reason: "wrong-length" };
    return allowLandline ? { ok: true, e164, kind: "landline" } : { ok: false, reason: "not-mobile" };
  }
  if (national.startsWith("01") && national.length === 11) return { ok: false, reason: "old-mobile-prefix" };
  return {
    ok: false,
    reason: national.length === 10 || national.length === 11 ? "not-mobile" : "wrong-length",
  };
}
