import { registerSmallTalk } from "../features/small-talk/small-talk-feature";
import { defineFeature } from "./feature-module";

/** Greetings, thanks and requests said in words, answered before the FAQ tries to read them as questions. */
export const smallTalkFeature = defineFeature({
  name: "small-talk",
  create: (d) => ({
    chat: (router) =>
      registerSmallTalk(router, {
        showMenu: d.showMenu,
        isOfficer: async (contactId) => !!(await d.officers.findActive(contactId)),
        ownsVenues: async (contactId) => (await d.venues.listByOwner(contactId)).length > 0,
      }),
  }),
});
