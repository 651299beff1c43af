import { randomInt } from "node:crypto";
import { VENUE_CODE_ALPHABET, VENUE_CODE_LENGTH } from "../../core/venue-code-format";

// The format lives in core so the understanding layer can recognise a code typed alone; re-exported here for
// the venue code that always imported it from this file.
export {
  isVenueCodeFormat,
  normaliseVenueCode,
  VENUE_CODE_ALPHABET,
  VENUE_CODE_LENGTH,
} from "../../core/venue-code-format";

/**
 * Returns a new random venue code such as `7KQ3MZP9XA`. Each character comes from the CSPRNG via
 * `crypto.randomInt`, which is uniform (no modulo bias); codes carry no sequence or timestamp, so one
 * poster reveals nothing about other venues. Callers still check uniqueness against the database.
 *
 * A code made of letters only (about 1 in 20) is drawn again: typed in lower case ("advpbzmwge") it looks
 * like a word, so a digit is what lets the chat tell a typed code from a message. Redrawing keeps every
 * code with a digit equally likely and costs under 0.1 bit.
 */
export function generateVenueCode(): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < VENUE_CODE_LENGTH; i += 1) {
      code += VENUE_CODE_ALPHABET.charAt(randomInt(VENUE_CODE_ALPHABET.length));
    }
    if (/\d/.test(code)) return code;
  }
}
