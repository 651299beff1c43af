import { loadOutOfScope, loadSeedFaqContent } from "../features/faq/content/published-faq";
import { FAQ_MENU, registerFaq } from "../features/faq/faq-feature";
import { handoverQuestionHook } from "../features/handover/question-hook";
import { findUnitByName } from "../features/venues/district";
import { mountFaqApi } from "../http/admin/faq-api";
import { defineFeature } from "./feature-module";

/** How often a process looks for content published by another (one row read; docs/adr/014). */
const CONTENT_POLL_MS = 1000;

/** Citizens' questions: the topic menu and free-text matching; officers read what it could not answer. */
export const faqFeature = defineFeature({
  name: "faq",
  menu: FAQ_MENU,
  create: (d) => ({
    chat: (router) =>
      registerFaq(router, {
        knowledge: d.faqKnowledge,
        store: d.faq,
        showMenu: d.showMenu,
        offerReminders: d.offerReminders,
        archiveNotice: d.config.FAQ_ARCHIVE_NOTICE === "on",
        localContacts: d.config.LOCAL_CONTACTS,
        isPlaceName: (text) => findUnitByName(d.district, text).kind !== "none",
        // The "not ours" categories stay in the shipped files; their replies say where to ask instead.
        outOfScope: loadOutOfScope(d.localesDir),
        // Two unanswered questions in a row, or "none of these", offer an officer.
        questions: handoverQuestionHook({ store: d.handover.store, officers: d.officers }),
        // Kept with the question so that officers send the answer only to people of their communes.
        communeOf: async (contactId, now) =>
          d.handover.communeInForce((await d.subscriptions.get(contactId))?.communeCode, now),
      }),
    http: (router) => mountFaqApi(router, { store: d.faq }),
    // A fresh install starts from the shipped files; an existing one keeps what officers published.
    start: () => d.faqContent.start(loadSeedFaqContent(d.localesDir)),
    timers: [{ name: "faq content", everyMs: CONTENT_POLL_MS, run: () => d.faqKnowledge.refresh() }],
  }),
});
