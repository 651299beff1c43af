import { registerOfficers } from "../features/officers/officers-feature";
import { unitsInForce } from "../features/venues/district";
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
        // Invites name today's units; a former unit's code would give a scope nobody can pick any more.
        isCommune: (code) => unitsInForce(d.district).some((u) => u.code === code),
      }),
    http: (router) =>
      mountOfficersApi(router, { officers: d.officers, directives: d.directives, district: d.district }),
  }),
});
