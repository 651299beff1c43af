import { contactHolder } from "../core/personal-data";
import { PrismaSurveyStore } from "../db/prisma-survey-store";
import { SurveyService } from "../features/surveys/survey-service";
import { registerSurveys } from "../features/surveys/surveys-feature";
import { mountSurveysApi } from "../http/admin/surveys-api";
import { mountSurveyPages, venueSurveyAnswers } from "../http/dashboard/dashboard-surveys";
import { defineFeature } from "./feature-module";
import { featurePageDeps } from "./feature-pages";

/** Officers' surveys: the composer and the answers in chat, the API and dashboard pages, the job that sends. */
export const surveysFeature = defineFeature({
  name: "surveys",
  create: (d) => {
    const service = new SurveyService(new PrismaSurveyStore(d.db), d.texts, d.logger, {
      reminderHours: d.config.SURVEY_REMINDER_HOURS,
      retentionDays: d.config.SURVEY_RETENTION_DAYS,
      onQueued: d.notify,
    });
    const pages = { ...featurePageDeps(d), service, kick: d.kick };
    return {
      personalData: [contactHolder("surveys", service)],
      venuePage: [venueSurveyAnswers(pages)],
      chat: (router) =>
        registerSurveys(router, {
          service,
          district: d.district,
          requireOfficer: d.requireOfficer,
          onCreated: d.kick,
        }),
      http: (router) => {
        mountSurveysApi(router, { service, district: d.district, audit: d.audit, kick: d.kick });
        mountSurveyPages(router, pages);
      },
      jobs: [service],
    };
  },
});
