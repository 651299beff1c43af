import { registerOfficers } from "../features/officers/officers-feature";
import { findUnit } from "../features/venues/district";
import { mountOfficersApi } from "../http/admin/officers-api";
import { defineFeature } from "./feature-module";

/** Officers: invites, `/officer <code>`, the list with revoke buttons, and the officers' API. */
export const officersFeature = defineFeature({
  name: "officers",
  create: (d) => ({
    chat: (router) =>
      registerOfficers(router, {
        service: d.officers,
        requireOfficer: d.requireOfficer,
        isCommune: (code) => !!findUnit(d.district, code),
      }),
    http: (router) =>
      mountOfficersApi(router, { officers: d.officers, directives: d.directives, district: d.district }),
  }),
});
