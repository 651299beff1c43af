import type { Router, TurnContext } from "../../core/router";
import { venueCodeIn } from "../../core/venue-code-format";
import type { VenueStore } from "../venues/venue-store";
import { CHECKIN_DEEP_LINK } from "./checkin-feature";

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
