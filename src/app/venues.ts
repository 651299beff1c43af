import { PrismaNudgeStore } from "../db/prisma-nudge-store";
import { VenueNudger } from "../features/venues/venue-nudge";
import { registerVenues, VENUE_MENU } from "../features/venues/venues-feature";
import { mountVenuesApi } from "../http/admin/venues-api";
import { mountPosterRoute } from "../http/checkin/poster-route";
import { defineFeature } from "./feature-module";

/** Venue owners: registration by chat, "my venues", the officers' venue API, the unfinished-draft nudge. */
export const venuesFeature = defineFeature({
  name: "venues",
  menu: VENUE_MENU,
  create: (d) => ({
    chat: (router) =>
      registerVenues(router, {
        service: d.venueService,
        store: d.venues,
        district: d.district,
        showMenu: d.showMenu,
        visitCounts: (venueId, now) => d.checkin.dailyCounts(venueId, now),
        offerReminders: d.offerReminders,
      }),
    http: (router) => {
      // A venue's poster at a URL that lasts as long as the venue (Zalo sends documents as links).
      mountPosterRoute(router, { venues: d.venues, venueService: d.venueService });
      mountVenuesApi(router, {
        service: d.venueService,
        store: d.venues,
        district: d.district,
        texts: d.texts,
      });
    },
    jobs: [new VenueNudger(new PrismaNudgeStore(d.db), d.texts, d.logger, d.notify)],
  }),
});
