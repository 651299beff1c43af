import { registerMenu } from "../features/menu/menu-feature";
import { defineFeature } from "./feature-module";

/** /start, /menu, /help, /lang, /cancel and the polite last word for anything no feature took. */
export const menuFeature = defineFeature({
  name: "menu",
  create: (d) => ({
    chat: (router) => registerMenu(router, { showMenu: d.showMenu, showHelp: d.showHelp }),
  }),
});
