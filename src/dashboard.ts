import type { Router as ExpressRouter } from "express";
import type { TextRenderer } from "./core/renderer";
import type { Router } from "./core/router";
import type { Db } from "./db/database";
import { PrismaDashboardAuthStore } from "./db/prisma-dashboard-auth-store";
import { PrismaDashboardStore } from "./db/prisma-dashboard-store";
import { PrismaFaqStore } from "./db/prisma-faq-store";
import type { BroadcastService } from "./features/broadcasts/broadcast-service";
import { DashboardAuth } from "./features/dashboard/dashboard-auth";
import { registerDashboard } from "./features/dashboard/dashboard-feature";
import type { DirectiveStore } from "./features/directives/directive-store";
import type { RequireOfficer } from "./features/officers/officers-feature";
import type { District } from "./features/venues/district";
import type { VenueService } from "./features/venues/venue-service";
import type { VenueStore } from "./features/venues/venue-store";
import { mountDashboard } from "./http/dashboard/dashboard-routes";

/** Wiring of the officers' dashboard (issue 8): stores → auth → the `/dashboard` command and the /admin pages. */
export function createDashboard(deps: {
  db: Db;
  texts: TextRenderer;
  district: District;
  venueService: VenueService;
  venues: VenueStore;
  broadcasting: {
    requireOfficer: RequireOfficer;
    broadcasts: BroadcastService;
    directives: DirectiveStore;
    kick: () => void;
  };
  publicUrl: string;
  /** Signs the dashboard's CSRF tokens. */
  secret: string;
}) {
  const auth = new DashboardAuth(new PrismaDashboardAuthStore(deps.db));
  const { requireOfficer, broadcasts, directives, kick } = deps.broadcasting;
  return {
    register(router: Router): void {
      registerDashboard(router, { auth, requireOfficer, publicUrl: deps.publicUrl });
    },
    mount(router: ExpressRouter): void {
      mountDashboard(router, {
        auth,
        store: new PrismaDashboardStore(deps.db),
        texts: deps.texts,
        district: deps.district,
        venueService: deps.venueService,
        venues: deps.venues,
        broadcasts,
        directives,
        faq: new PrismaFaqStore(deps.db),
        secret: deps.secret,
        secureCookies: deps.publicUrl.startsWith("https://"),
        publicUrl: deps.publicUrl,
        kick,
      });
    },
  };
}
