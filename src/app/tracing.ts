import { registerTracingChat } from "../features/checkin/tracing-chat";
import { mountVisitsApi } from "../http/admin/visits-api";
import { defineFeature } from "./feature-module";

/** Tracing for officers: `/trace` in chat and the visits API, every access audited. */
export const tracingFeature = defineFeature({
  name: "tracing",
  create: (d) => ({
    chat: (router) =>
      registerTracingChat(router, { tracing: d.tracing, venues: d.venues, requireOfficer: d.requireOfficer }),
    http: (router) => mountVisitsApi(router, { tracing: d.tracing, venues: d.venues, audit: d.audit }),
  }),
});
