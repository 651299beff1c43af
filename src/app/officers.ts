import { registerApiTokensChat } from "../features/officers/api-tokens-chat";
import { registerOfficers } from "../features/officers/officers-feature";
import { findUnitByName, unitsInForce } from "../features/venues/district";
import { mountOfficersApi } from "../http/admin/officers-api";
import { defineFeature } from "./feature-module";

/** Officers: invites, `/officer <code>`, the list with revoke buttons, and the officers' API. */
export const officersFeature = defineFeature({
  name: "officers",
  create: (d) => ({
    chat: (router) => {
      registerApiTokensChat(router, {
        tokens: d.apiTokens,
        audit: d.audit,
        requireOfficer: d.requireOfficer,
      });
      registerOfficers(router, {
        service: d.officers,
        requireOfficer: d.requireOfficer,
        // Invites name today's units (a former unit's name gives the xã it is part of now): a former code
        // would give a scope nobody can pick any more.
        resolveCommune: (typed, now) => {
          const match = findUnitByName(d.district, typed, now);
          const code = match.kind === "unit" || match.kind === "former" ? match.unit.code : undefined;
          return code && unitsInForce(d.district, now).some((u) => u.code === code) ? code : undefined;
        },
        communeName: (code) => d.venueService.communeName(code),
      });
    },
    http: (router) =>
      mountOfficersApi(router, { officers: d.officers, directives: d.directives, district: d.district }),
  }),
});
