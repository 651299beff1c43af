import { PrismaDashboardAuthStore } from "../db/prisma-dashboard-auth-store";
import { DashboardAuth } from "../features/dashboard/dashboard-auth";
import { DashboardCsrf, type FeaturePageDeps } from "../http/dashboard/dashboard-session";
import type { AppDeps } from "./app-deps";

/** What a feature's own dashboard pages need (surveys, reminders): the same login, audit and names as the rest. */
export function featurePageDeps(d: AppDeps): FeaturePageDeps {
  return {
    auth: new DashboardAuth(new PrismaDashboardAuthStore(d.db)),
    csrf: new DashboardCsrf(d.secret),
    district: d.district,
    texts: d.texts,
    audit: d.audit,
    communeName: (code) => d.venueService.communeName(code),
  };
}
