import { FAQ_MENU, registerFaq } from "../features/faq/faq-feature";
import { loadFaqKnowledge } from "../features/faq/load-faq-matcher";
import { handoverQuestionHook } from "../features/handover/handover-feature";
import { mountFaqApi } from "../http/admin/faq-api";
import { defineFeature } from "./feature-module";

/** Citizens' questions: the topic menu and free-text matching; officers read what it could not answer. */
export const faqFeature = defineFeature({
  name: "faq",
  menu: FAQ_MENU,
  create: (d) => ({
    chat: (router) =>
      registerFaq(router, {
        ...loadFaqKnowledge(d.localesDir),
        store: d.faq,
        showMenu: d.showMenu,
        offerReminders: d.offerReminders,
        archiveNotice: d.config.FAQ_ARCHIVE_NOTICE === "on",
        localContacts: d.config.LOCAL_CONTACTS,
        // Two unanswered questions in a row, or "none of these", offer an officer.
        questions: handoverQuestionHook(d.handover),
      }),
    http: (router) => mountFaqApi(router, { store: d.faq }),
  }),
});
