import { normaliseVietnamesePhone } from "./vietnam-phone";

/** A digit as people type it: ASCII or full-width (some phone keyboards). */
const DIGIT = "[0-9\\uff10-\\uff19]";
/** What people put between digit groups, and before a number: the phone parser's separators and "+". */
const JOINER = "[\\s.\\-/()+\\uff0b]";

/**
 * A run of digit groups joined by separators, not glued to other digits. Letters may touch it
 * ("sdt0905123456"): the phone parser decides what inside the run is a number.
 */
const RUN = new RegExp(`(?<!${DIGIT})[(+\\uff0b]*${DIGIT}(?:${DIGIT}|${JOINER}+(?=${DIGIT}))*`, "g");
const GROUP = new RegExp(`${DIGIT}+`, "g");
/** Longer than any way of writing one number (the parser's own bound is 32 characters without separators). */
const MAX_SPAN = 48;

/**
 * Masks every Vietnamese phone number in free text that the phone parser (src/core/vietnam-phone.ts)
 * accepts, mobile or landline, in any way of writing it: `(+84) 905 123 456`, `+84 (0) 905 123 456`,
 * `(0255) 3822 123`, `0905/123/456`, full-width digits, `sdt0905123456`; and the retired 11-digit 01x
 * mobiles (see {@link isPhone} for the one form left out). One rule for logs and stored free text (unanswered questions shown to officers): they are kept
 * longer and read by more people than visits. Keeps the last two digits: enough to tell records apart
 * when debugging, useless to call someone.
 */
export function maskPhonesIn(text: string): string {
  return text.replace(RUN, maskRun);
}

/** Within one run, the longest stretches of whole digit groups that read as a number, left to right. */
function maskRun(run: string): string {
  const groups = [...run.matchAll(GROUP)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let out = "";
  let copied = 0;
  for (let i = 0; i < groups.length; i++) {
    const first = groups[i];
    if (!first) break;
    // A "+" or "(" right before the first group belongs to the number ("(+84) …").
    const start = i === 0 ? 0 : first.start;
    for (let j = groups.length - 1; j >= i; j--) {
      const last = groups[j];
      if (!last || last.end - start > MAX_SPAN) continue;
      const candidate = run.slice(start, last.end);
      const digits = candidate.normalize("NFKC").replace(/\D/g, "");
      if (!isPhone(candidate, digits)) continue;
      out += `${run.slice(copied, start)}***${digits.slice(-2)}`;
      copied = last.end;
      i = j;
      break;
    }
  }
  return out + run.slice(copied);
}

/**
 * What the parser accepts, written with its trunk 0 or country code. The parser also takes a number whose
 * 0 was dropped ("905 123 456", as contact exports write it) where a phone is asked for; in free text
 * that reading turns amounts and dates ("500.000.000 đồng", "2026-12-01 20") into numbers.
 */
function isPhone(candidate: string, digits: string): boolean {
  if (!digits.startsWith("0") && !digits.startsWith("84")) return false;
  const result = normaliseVietnamesePhone(candidate, { allowLandline: true });
  return result.ok || result.reason === "old-mobile-prefix";
}
