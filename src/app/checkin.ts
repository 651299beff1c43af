import { ipRateLimitFor } from "../db/sql-ip-rate-limit";
import { SqlUsedTokens } from "../db/sql-used-tokens";
import { registerCheckin } from "../features/checkin/checkin-feature";
import { registerTypedVenueCode } from "../features/checkin/typed-venue-code";
import { FORM_TTL_MS } from "../http/checkin/checkin-csrf";
import { mountCheckinPage } from "../http/checkin/checkin-routes";
import { defineFeature } from "./feature-module";

/** Check-in: the QR page `/c/:code` (works without JavaScript) and the chat check-in with health questions. */
export const checkinFeature = defineFeature({
  name: "checkin",
  create: (d) => ({
    chat: (router) => registerCheckin(router, { service: d.checkin, venues: d.venues, showMenu: d.showMenu }),
    http: (router) =>
      mountCheckinPage(router, {
        venues: d.venues,
        venueService: d.venueService,
        checkin: d.checkin,
        texts: d.texts,
        secret: d.secret,
        postsPerIp: ipRateLimitFor(d.database, "checkin", d.config.CHECKIN_POSTS_PER_MINUTE),
        telegramBot: d.config.TELEGRAM_BOT_USERNAME,
        secureCookies: d.config.publicUrl.startsWith("https://"),
        usedTokens: new SqlUsedTokens(d.db, FORM_TTL_MS),
      }),
  }),
});

/**
 * A venue code typed or pasted into the chat starts the check-in: its own entry in the features list because
 * it must read the message before the FAQ does.
 */
export const checkinByTypedCode = defineFeature({
  name: "checkin-typed-code",
  create: (d) => ({ chat: (router) => registerTypedVenueCode(router, { venues: d.venues }) }),
});
