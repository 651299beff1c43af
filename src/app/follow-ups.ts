import { contactHolder } from "../core/personal-data";
import { PrismaFollowUpStore } from "../db/prisma-follow-up-store";
import { FollowUpService } from "../features/follow-ups/follow-up-service";
import { registerFollowUps } from "../features/follow-ups/follow-ups-feature";
import { mountFollowUpCounts } from "../http/dashboard/dashboard-follow-ups";
import { defineFeature } from "./feature-module";
import { featurePageDeps } from "./feature-pages";

/** Reminders timed from a person's own date (the next vaccine dose): the flow, the job, officers' counts. */
export const followUpsFeature = defineFeature({
  name: "follow-ups",
  create: (d) => {
    const service = new FollowUpService(new PrismaFollowUpStore(d.db), d.texts, d.logger, {
      retentionDays: d.config.FOLLOW_UP_RETENTION_DAYS,
      onQueued: d.notify,
    });
    return {
      personalData: [contactHolder("reminders", service)],
      chat: (router) => registerFollowUps(router, { service, showMenu: d.showMenu }),
      http: (router) =>
        mountFollowUpCounts(router, {
          ...featurePageDeps(d),
          service,
        }),
      jobs: [service],
    };
  },
});
