import { normaliseVietnamesePhone } from "./phone";

/** A run of digits with the separators people type between groups, and a "+" or "(" before it. */
const DIGIT_RUN = /[+(]*\d(?:[\d\s.\-()]*\d)?/;
/**
 * The label right before a number, with its joiners: "sdt", "số điện thoại:", "- sđt", "số của tôi là". Only
 * right before it, so a name that holds such a word ("Nguyễn Văn Số") keeps it.
 */
const LABEL_BEFORE =
  /(?:^|\s)(?:số\s*điện\s*thoại|so\s*dien\s*thoai|điện\s*thoại|dien\s*thoai|sđt|sdt|số\s*đt|so\s*dt|đt|dt|số|so|phone|tel)?(?:\s+(?:của\s+|cua\s+)?(?:tôi|toi|em|anh|chị|chi))?(?:\s+(?:là|la|is))?[\s:=,;–-]*$/iu;

/**
 * A phone number typed with, or instead of, the contact person's name ("Ngô Văn Hai 0905 123 456",
 * "sdt 0905 123 456"): the number, and what is left of the text once the number and its label are taken out.
 * Undefined when the text holds no valid Vietnamese number.
 */
export function splitPhoneOut(text: string): { phone: string; rest: string } | undefined {
  const run = DIGIT_RUN.exec(text);
  if (!run) return undefined;
  const phone = normaliseVietnamesePhone(run[0].trim(), { allowLandline: true });
  if (!phone.ok) return undefined;
  const before = text.slice(0, run.index).replace(LABEL_BEFORE, "");
  const rest = `${before} ${text.slice(run.index + run[0].length)}`.replace(/[\s:,;–-]+/g, " ").trim();
  return { phone: phone.e164, rest };
}
