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
