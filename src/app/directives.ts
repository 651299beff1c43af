import { registerDirectives } from "../features/directives/directives-feature";
import { defineFeature } from "./feature-module";

/** Directives: `/vanban` for everyone, `/themvanban` for officers. */
export const directivesFeature = defineFeature({
  name: "directives",
  create: (d) => ({
    chat: (router) =>
      registerDirectives(router, {
        store: d.directives,
        requireOfficer: d.requireOfficer,
        showMenu: d.showMenu,
      }),
  }),
});
