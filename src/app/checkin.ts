import { ipRateLimitFor } from "../db/sql-ip-rate-limit";
import { SqlUsedTokens } from "../db/sql-used-tokens";
import { registerCheckin } from "../features/checkin/checkin-feature";
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
