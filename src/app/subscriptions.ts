import { registerSubscriptions } from "../features/subscriptions/subscriptions-feature";
import { defineFeature } from "./feature-module";

/** Opt-in reminders: subscribe, stop ("dừng", "hủy" outside a flow), commune and language. */
export const subscriptionsFeature = defineFeature({
  name: "subscriptions",
  create: (d) => ({
    chat: (router) =>
      registerSubscriptions(router, { store: d.subscriptions, district: d.district, showMenu: d.showMenu }),
  }),
});
