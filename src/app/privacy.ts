import { PrismaAccessLog } from "../db/prisma-access-log";
import { chatPhonesOf, contactRowHolder, corePersonalData } from "../db/prisma-personal-data";
import { registerPrivacy } from "../features/privacy/privacy-feature";
import { defineFeature } from "./feature-module";

/**
 * Erasure and access on request (`/xoadulieu`, `/dulieucuatoi`, Zalo OA `user_withdraw`). The personal data
 * of the core and the built-in features is listed here (src/db/prisma-personal-data.ts); features added
 * later list theirs in their own `personalData`, and every request goes through all of them, then the
 * contact row.
 */
export const privacyFeature = defineFeature({
  name: "privacy",
  create: (d) => {
    const contactRow = contactRowHolder(d.db);
    return {
      personalData: corePersonalData(d.db),
      chat: (router) =>
        registerPrivacy(router, {
          holders: () => [...d.personalData, contactRow],
          access: new PrismaAccessLog(d.db),
          audit: d.audit,
          officers: d.officers,
          retention: {
            visits: d.config.VISIT_RETENTION_DAYS,
            messages: d.config.MESSAGE_RETENTION_DAYS,
            questions: d.config.UNANSWERED_RETENTION_DAYS,
            ratings: d.config.FAQ_RATING_RETENTION_DAYS,
            tickets: d.config.TICKET_RETENTION_DAYS,
            surveys: d.config.SURVEY_RETENTION_DAYS,
            reminders: d.config.FOLLOW_UP_RETENTION_DAYS,
          },
          communeName: (code) => d.venueService.communeName(code),
          phonesOf: (contactId) => chatPhonesOf(d.db, contactId),
          logger: d.logger,
        }),
    };
  },
});
