// Parsing lives in core (the masking of free text shares it); the display helpers stay with the venues.
export {
  type NormalisePhoneOptions,
  normaliseVietnamesePhone,
  type PhoneKind,
  type PhoneRejectReason,
  type PhoneResult,
} from "../../core/vietnam-phone";

const E164_VN = /^\+84(\d{9,10})$/;

/**
 * Masks a `+84…` number for logs and officer lists: country code, the first two and the last two digits
 * stay visible (`+84 90* *** *56`), enough for an officer to tell numbers apart without exposing them.
 * Anything that is not a Vietnamese E.164 number is fully masked rather than leaked.
 */
export function maskPhone(e164: string): string {
  const match = E164_VN.exec(e164);
  const significant = match?.[1];
  if (significant === undefined) return "+84 *** *** ***";
  const masked = [...significant].map((digit, i) => (i < 2 || i >= significant.length - 2 ? digit : "*"));
  return `+84 ${groupDigits(masked.join(""), significant.length === 9 ? [3, 3, 3] : [3, 3, 4])}`;
}

/**
 * Formats a `+84…` number the way Vietnamese people write it: `0905 123 456` for mobiles,
 * `0255 3822 123` / `024 3822 1234` for landlines. Returns the input unchanged if it is not `+84…`.
 */
export function formatPhoneForDisplay(e164: string): string {
  const significant = E164_VN.exec(e164)?.[1];
  if (significant === undefined) return e164;
  const national = `0${significant}`;
  if (national.length === 10) return groupDigits(national, [4, 3, 3]);
  // Hà Nội (024) and Hồ Chí Minh City (028) have 3-digit area codes and 8-digit subscribers.
  return /^02[48]/.test(national) ? groupDigits(national, [3, 4, 4]) : groupDigits(national, [4, 4, 3]);
}

function groupDigits(digits: string, sizes: readonly number[]): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of sizes) {
    groups.push(digits.slice(start, start + size));
    start += size;
  }
  return groups.join(" ");
}
