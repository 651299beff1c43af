import { registerBroadcasts } from "../features/broadcasts/broadcasts-feature";
import { mountBroadcastsApi } from "../http/admin/broadcasts-api";
import { defineFeature } from "./feature-module";

/** Officers' broadcasts: the composer in chat, recurring reminders, the API, and the jobs that send them. */
export const broadcastsFeature = defineFeature({
  name: "broadcasts",
  create: (d) => ({
    chat: (router) =>
      registerBroadcasts(router, {
        service: d.broadcasts,
        recurring: d.recurring,
        district: d.district,
        requireOfficer: d.requireOfficer,
        showMenu: d.showMenu,
        onCreated: d.kick,
      }),
    http: (router) =>
      mountBroadcastsApi(router, {
        service: d.broadcasts,
        recurring: d.recurring,
        district: d.district,
        kick: d.kick,
      }),
    // Recurring runs become broadcasts first, so a run due now starts in the same tick.
    jobs: [d.recurring, d.broadcasts],
  }),
});
