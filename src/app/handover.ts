import { contactHolder } from "../core/personal-data";
import { HANDOVER_MENU, registerHandover } from "../features/handover/handover-feature";
import { readyAnswersFrom } from "../features/handover/ready-answers";
import { defineFeature } from "./feature-module";

/** A person asks for a person: tickets, officers' Take/Answer/Pass on in their chat, and the reminder job. */
export const handoverFeature = defineFeature({
  name: "handover",
  create: (d) => ({
    personalData: [contactHolder("tickets", d.handover.store)],
    chat: (router) =>
      registerHandover(router, {
        service: d.handover,
        officers: d.officers,
        requireOfficer: d.requireOfficer,
        subscriptions: d.subscriptions,
        district: d.district,
        showMenu: d.showMenu,
        readyAnswers: readyAnswersFrom(d.faqKnowledge),
      }),
    // The inbox lives on the dashboard (src/http/dashboard/dashboard-inbox.ts), behind its login.
    jobs: [d.handover],
  }),
});

/**
 * The handover's main-menu entry, on its own so that it comes right after the FAQ in the menu while the
 * feature itself is first in precedence (the menu follows the features list's order). It fits Zalo OA's five
 * menu buttons (zalo-oa-sender.ts) because the two venue entries became one (docs/adr/013-handover-tickets.md).
 */
export const handoverMenuEntry = defineFeature({
  name: "handover-menu",
  menu: HANDOVER_MENU,
  create: () => ({}),
});
