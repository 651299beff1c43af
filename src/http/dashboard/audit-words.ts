import { CHANNEL_NAMES } from "../../features/broadcasts/broadcast-service";
import type { AuditRow, VenueLabel } from "../../features/dashboard/dashboard-store";
import type { OfficerRecord } from "../../features/officers/officer-store";

type Words = (key: string, params?: Record<string, string | number>) => string;

/**
 * The first part of a staff route after /admin/ or /api/v1/ ("venues" of "/admin/venues/:id/pause"): the
 * page or data a request-level audit row was about, named by `dashboard:auditPages.<part>`.
 */
export function routeArea(pattern: string): string {
  const rest = pattern.replace(/^\/(admin|api\/v1)\/?/, "");
  return (rest.split("/")[0] ?? "").replace(/\.(csv|pdf|png)$/, "") || "overview";
}

/**
 * An audit action in words: a named action by its label (`dashboard:auditActions.<action>`), a request-level
 * row ("dashboard POST /admin/venues/:id/pause") as where and what ("Bảng điều khiển · thao tác · Địa điểm"),
 * with the route kept for whoever needs it.
 */
export function auditActionWords(action: string, p: Words): string {
  const request = /^(dashboard|api) (GET|POST|PUT|PATCH|DELETE) (\S+)$/.exec(action);
  if (request) {
    const [, kind = "", method = "", pattern = ""] = request;
    return p(`auditRequest.${kind}`, {
      verb: p(method === "GET" ? "auditRequest.read" : "auditRequest.write"),
      area: p(`auditPages.${routeArea(pattern)}`),
      route: pattern,
    });
  }
  return p(`auditActions.${action}`);
}

/** The officers by audit actor ("officer:<id>", and "dashboard:<id>" as FAQ edits name their author). */
export function officerActors(officers: OfficerRecord[]): Map<string, OfficerRecord> {
  const out = new Map<string, OfficerRecord>();
  for (const o of officers) {
    out.set(`officer:${o.id}`, o);
    out.set(`dashboard:${o.id}`, o);
  }
  return out;
}

/** Who did it: the officer's name and role, the shared API token, or the actor as written (seed, import). */
export function actorWords(actor: string, officers: Map<string, OfficerRecord>, p: Words): string {
  const officer = officers.get(actor);
  if (officer) {
    const name = officer.displayName?.trim() || p("audit.unnamed");
    return `${name} (${p(`role.${officer.role}`)})`;
  }
  if (actor === "admin-api") return p("audit.sharedToken");
  if (/^(officer|dashboard):/.test(actor)) return p("audit.formerOfficer");
  return actor;
}

/** What a row was about, in words: a venue by name and code, a commune, an FAQ topic, a ticket, a channel. */
export function subjectWords(
  row: AuditRow,
  names: { venues: Map<string, VenueLabel>; topics: Map<string, string>; commune: (code: string) => string },
  p: Words,
): string {
  const venue = (id: string) => {
    const v = names.venues.get(id);
    return v ? `${v.name} (${v.code})` : undefined;
  };
  if (row.venueId?.startsWith("ticket:")) return p("audit.ticket", { ref: row.venueId.slice(7, 15) });
  if (row.venueId) return venue(row.venueId) ?? p("audit.goneVenue");
  if (row.communeCode) return names.commune(row.communeCode);
  const subject = row.subject;
  if (!subject) return "";
  if (row.action === "privacy.erase" && subject in CHANNEL_NAMES)
    return CHANNEL_NAMES[subject as keyof typeof CHANNEL_NAMES];
  return venue(subject) ?? names.topics.get(subject) ?? subject;
}
