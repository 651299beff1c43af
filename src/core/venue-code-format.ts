import { foldText } from "./fold-text";

/**
 * Characters a venue code is made of: digits and upper-case letters without 0/O, 1/I/L, which people
 * misread on a printed poster or mistype when they read the code to an officer over the phone.
 */
export const VENUE_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * Length of a venue code. 31^10 ≈ 8·10^14 (≈ 49 bits): short enough to read out, far too many to guess
 * a real venue's check-in page by trying codes.
 */
export const VENUE_CODE_LENGTH = 10;

const VENUE_CODE_PATTERN = new RegExp(`^[${VENUE_CODE_ALPHABET}]{${VENUE_CODE_LENGTH}}$`);

/** True when `s` is exactly a venue code as generated (upper case, no separators). */
export function isVenueCodeFormat(s: string): boolean {
  return VENUE_CODE_PATTERN.test(s);
}

/**
 * Turns a code typed by a person (`7kq3-mzp9 xa`) into its canonical form, or undefined if it cannot be
 * a venue code. Lower case and spaces/dashes are forgiven; ambiguous characters are not guessed.
 */
export function normaliseVenueCode(input: string): string | undefined {
  const candidate = input.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
  return isVenueCodeFormat(candidate) ? candidate : undefined;
}

/** Longer than this, a message is a question that happens to quote a code, not a check-in. */
const MAX_CHECKIN_TEXT = 120;
/** A check-in link pasted into the chat: `https://…/c/<code>`. */
const CHECKIN_LINK = /\/c\/([0-9A-Za-z-]{10,16})\b/;

/** Words typed just before a code that say it is one: "checkin …", "check-in …", "mã …", "code …", "QR …". */
const CODE_CUES = new Set(["checkin", "check-in", "in", "ma", "code", "qr", "diem"]);

function namesACode(previous: string | undefined): boolean {
  return previous !== undefined && CODE_CUES.has(foldText(previous));
}

/**
 * The venue code a person typed or pasted instead of scanning ("X4VN9DXUXA", "checkin x4vn-9dxu-xa", the
 * page's link), or undefined. A code split in groups is joined only when the groups were copied as printed
 * (capitals) or begin with digits: "tap hoa ba nam" must not become a candidate made of ordinary words.
 */
export function venueCodeIn(text: string): string | undefined {
  if (text.length > MAX_CHECKIN_TEXT) return undefined;
  const link = CHECKIN_LINK.exec(text)?.[1];
  if (link) return normaliseVenueCode(link);
  const tokens = text
    .normalize("NFKC")
    .split(/[\s,.:;!?()"'“”]+/)
    .filter((token) => token !== "");
  for (let start = 0; start < tokens.length; start += 1) {
    let joined = "";
    for (let end = start; end < tokens.length && joined.length < VENUE_CODE_LENGTH; end += 1) {
      const token = tokens[end] ?? "";
      // Groups join when copied as printed (capitals), or after a first group a word could not be (digits).
      if (end > start && !/^[0-9A-Z-]+$/.test(token) && !/\d/.test(tokens[start] ?? "")) break;
      joined += token.replace(/-/g, "");
      const code = joined.length === VENUE_CODE_LENGTH ? normaliseVenueCode(joined) : undefined;
      // One word alone may be typed in lower case; a code needs a digit, capitals or a word naming it ("checkin
      // advpbzmwge", "mã advpbzmwge": venues made before codes always held a digit) to be told from a word.
      if (
        code &&
        (end > start || /\d/.test(token) || token === token.toUpperCase() || namesACode(tokens[start - 1]))
      )
        return code;
    }
  }
  return undefined;
}
