import { FAQ_TOPIC_IDS } from "../features/faq/topics";
import { HANDOVER_MENU, registerHandover } from "../features/handover/handover-feature";
import { defineFeature } from "./feature-module";

/** A person asks for a person: tickets, officers' Take/Answer/Pass on in their chat, and the reminder job. */
export const handoverFeature = defineFeature({
  name: "handover",
  menu: HANDOVER_MENU,
  create: (d) => ({
    chat: (router) =>
      registerHandover(router, {
        service: d.handover,
        officers: d.officers,
        requireOfficer: d.requireOfficer,
        subscriptions: d.subscriptions,
        district: d.district,
        showMenu: d.showMenu,
        readyAnswers: [...FAQ_TOPIC_IDS],
      }),
    // The inbox lives on the dashboard (src/http/dashboard/dashboard-inbox.ts), behind its login.
    jobs: [d.handover],
  }),
});
