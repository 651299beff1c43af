import { PrismaDashboardAuthStore } from "../db/prisma-dashboard-auth-store";
import { PrismaDashboardStore } from "../db/prisma-dashboard-store";
import { DashboardAuth } from "../features/dashboard/dashboard-auth";
import { registerDashboard } from "../features/dashboard/dashboard-feature";
import { readyAnswersFrom } from "../features/handover/ready-answers";
import { mountDashboard } from "../http/dashboard/dashboard-routes";
import { defineFeature } from "./feature-module";

/** The officers' dashboard: `/dashboard` sends a one-time login link; the pages live under /admin. */
export const dashboardFeature = defineFeature({
  name: "dashboard",
  create: (d) => {
    const auth = new DashboardAuth(new PrismaDashboardAuthStore(d.db));
    const { publicUrl } = d.config;
    return {
      chat: (router) => registerDashboard(router, { auth, requireOfficer: d.requireOfficer, publicUrl }),
      http: (router) =>
        mountDashboard(router, {
          auth,
          store: new PrismaDashboardStore(d.db),
          texts: d.texts,
          district: d.district,
          venueService: d.venueService,
          venues: d.venues,
          tracing: d.tracing,
          venueSections: d.venuePageSections,
          broadcasts: d.broadcasts,
          recurring: d.recurring,
          directives: d.directives,
          faq: d.faq,
          faqContent: d.faqContent,
          handover: d.handover,
          answerNotices: d.answerNotices,
          readyAnswers: readyAnswersFrom(d.faqKnowledge),
          secret: d.secret,
          secureCookies: publicUrl.startsWith("https://"),
          publicUrl,
          kick: d.kick,
          audit: d.audit,
          apiTokens: d.apiTokens,
          officers: d.officers,
          sendsDays: d.config.MESSAGE_RETENTION_DAYS,
          onAuditError: (e) => d.logger.warn({ err: e }, "audit append failed"),
        }),
    };
  },
});
