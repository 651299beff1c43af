import type { Router, TurnContext } from "../../core/router";
import { normaliseVenueCode, VENUE_CODE_LENGTH } from "../../core/venue-code-format";
import type { VenueStore } from "../venues/venue-store";
import { CHECKIN_DEEP_LINK } from "./checkin-feature";

/** Longer than this, a message is a question that happens to quote a code, not a check-in. */
const MAX_CHECKIN_TEXT = 120;
/** A check-in link pasted into the chat: `https://…/c/<code>`. */
const CHECKIN_LINK = /\/c\/([0-9A-Za-z-]{10,16})\b/;

/**
 * The venue code a person typed or pasted instead of scanning ("X4VN9DXUXA", "checkin x4vn-9dxu-xa", the
 * page's link), or undefined. A code split in groups is joined only when every group was copied as printed
 * (capitals and digits): "tap hoa ba nam" must not become a candidate made of ordinary words.
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
      if (end > start && !/^[0-9A-Z-]+$/.test(token)) break;
      joined += token.replace(/-/g, "");
      const code = joined.length === VENUE_CODE_LENGTH ? normaliseVenueCode(joined) : undefined;
      // One word alone may be typed in lower case; a code needs a digit or capitals to be told from a word.
      if (code && (end > start || /\d/.test(token) || token === token.toUpperCase())) return code;
    }
  }
  return undefined;
}

/**
 * Check-in by a typed code: someone whose camera will not read the poster types the code printed under it,
 * or pastes the link. An active venue's code starts the same check-in as scanning; anything else goes on to
 * the FAQ (registered before it, since "checkin X4VN…" would otherwise be answered as a question).
 */
export function registerTypedVenueCode(router: Router, deps: { venues: VenueStore }): void {
  router.fallback(async (ctx: TurnContext, next) => {
    if (ctx.event.type !== "text") return next();
    const code = venueCodeIn(ctx.event.text);
    const venue = code ? await deps.venues.findByCode(code) : null;
    if (!code || !venue?.active) return next();
    return ctx.redirect({ type: "command", command: "start", args: `${CHECKIN_DEEP_LINK}${code}` });
  });
}
