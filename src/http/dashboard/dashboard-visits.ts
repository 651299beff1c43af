import type { Router as ExpressRouter, Request, Response } from "express";
import type { Language } from "../../core/messages";
import { formatVietnamTime } from "../../core/vietnam-time";
import { CHANNEL_NAMES } from "../../features/broadcasts/broadcast-service";
import { MAX_WINDOW_DAYS, parseWindow, type TimeWindow } from "../../features/checkin/tracing-service";
import type { VisitRecord } from "../../features/checkin/visit-store";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { formatPhoneForDisplay, maskPhone } from "../../features/venues/phone";
import { normaliseVenueCode } from "../../features/venues/venue-code";
import type { VenueRecord } from "../../features/venues/venue-store";
import { html, type SafeHtml } from "../html";
import { type DashboardContext, field, queryParam } from "./dashboard-context";
import { csrfField } from "./dashboard-html";
import { DEFAULT_WINDOW_DAYS, readVisitWindow, typedWindow } from "./visit-window";

/** Venues offered for one search: a name typed is a few letters, not a list of the district. */
const PICK_LIMIT = 30;
/** Visits shown on the page (a venue's fortnight; the API gives everything). */
const LIST_LIMIT = 1000;

/**
 * The tracing page: pick a venue (by name, address or code) → a window → its visits (phones masked) → an
 * exposure alert. Reads and alerts go through the chat's TracingService, so they are scoped and audited the
 * same way (`visits.venue`, `alert.venue`, actor `officer:<id>`).
 */
export function mountDashboardVisits(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;

  /** The venue of a typed code if the viewer may trace it (another commune's is "not found", as in chat). */
  const venueFor = async (viewer: DashboardViewer, typed: string): Promise<VenueRecord | undefined> => {
    const code = normaliseVenueCode(typed);
    const venue = code ? await deps.venues.findByCode(code) : null;
    if (!venue || (viewer.scope && !viewer.scope.includes(venue.communeCode))) return undefined;
    return venue;
  };

  const show = (req: Request, res: Response, viewer: DashboardViewer, status: number, body: SafeHtml) => {
    const lang = c.lang(req);
    c.send(
      res,
      status,
      pages.page(lang, {
        title: pages.t(lang, "visits.title"),
        body,
        viewer,
        csrf: c.csrfToken(req),
        active: "visits",
      }),
    );
  };

  router.get("/admin/visits", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const typedVenue = queryParam(req, "venue", 40);
    const q = queryParam(req, "q", 100);
    if (!typedVenue) {
      const found = q ? await deps.store.listVenues(viewer.scope, { q }, PICK_LIMIT) : [];
      return show(
        req,
        res,
        viewer,
        200,
        html`${[
          searchForm(lang, q, p),
          q &&
            html`<section><h2>${p("visits.pick")}</h2>${
              found.length === 0
                ? html`<p class="err" role="alert">${p("visits.noMatch", { q })}</p>`
                : html`<ul id="venue-choices">${found.map(
                    (v) =>
                      html`<li><a href="/admin/visits?venue=${encodeURIComponent(v.code)}&amp;lang=${lang}">${v.name}</a> <span class="muted">${v.code} · ${v.address}, ${c.communeName(v.communeCode)}</span></li>`,
                  )}</ul>`
            }</section>`,
        ]}`,
      );
    }
    const venue = await venueFor(viewer, typedVenue);
    if (!venue) {
      return show(
        req,
        res,
        viewer,
        404,
        html`${[
          searchForm(lang, q, p),
          html`<p class="err" role="alert">${p("visits.unknownVenue", { code: typedVenue })}</p>`,
        ]}`,
      );
    }
    const typed = { from: queryParam(req, "from", 40), to: queryParam(req, "to", 40) };
    const read = readVisitWindow(typed, c.now());
    if (!read.ok) {
      return show(
        req,
        res,
        viewer,
        400,
        html`${[
          venueHeading(venue),
          windowForm(lang, venue, typed, p),
          html`<p class="err" role="alert" data-error="${read.error}">${p(`visits.errors.${read.error}`, { max: MAX_WINDOW_DAYS })}</p>`,
        ]}`,
      );
    }
    const { window } = read;
    const visits = await deps.tracing.venueVisits(`officer:${viewer.officerId}`, venue, window);
    show(
      req,
      res,
      viewer,
      200,
      html`${[
        venueHeading(venue),
        windowForm(lang, venue, typed.from || typed.to ? typed : typedWindow(window, lang), p),
        visitList(lang, visits, p),
        visits.length > 0 && alertForm(lang, venue, window, visits.length, c.csrfToken(req), p),
      ]}`,
    );

    function venueHeading(v: VenueRecord): SafeHtml {
      return html`<section><h2 id="venue">${v.name} <span class="muted">${v.code}</span></h2><p>${v.address}, ${c.communeName(v.communeCode)} · <a href="/admin/visits?lang=${lang}">${p("visits.other")}</a></p></section>`;
    }
  });

  router.post("/admin/visits/alert", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const venue = await venueFor(viewer, field(req.body, "venue", 40));
    if (!venue)
      return show(
        req,
        res,
        viewer,
        404,
        html`<p class="err" role="alert">${p("visits.unknownVenue", { code: field(req.body, "venue", 40) })}</p>`,
      );
    // The window the list showed, as ISO instants; checked again by the service's rules.
    const checked = parseWindow(field(req.body, "from", 40), field(req.body, "to", 40));
    if (!checked.ok)
      return show(
        req,
        res,
        viewer,
        400,
        html`<p class="err" role="alert">${p("visits.errors.badWindow")}</p>`,
      );
    const outcome = await deps.tracing.alertVisitors(`officer:${viewer.officerId}`, venue, checked.window);
    show(
      req,
      res,
      viewer,
      200,
      html`${[
        html`<section id="alerted"><h2>${venue.name} <span class="muted">${venue.code}</span></h2>`,
        html`<p class="ok" role="status">${pages.t(lang, "checkin:trace.alerted", { reached: outcome.reached, unreachable: outcome.unreachable })}</p>`,
        outcome.queued === 0 && outcome.reached > 0 && html`<p class="muted">${p("visits.alreadySent")}</p>`,
        outcome.outsideZalo > 0 &&
          html`<p>${pages.t(lang, "checkin:trace.outsideZalo", { count: outcome.outsideZalo })}</p>`,
        outcome.phoneOnly.length > 0 &&
          html`<h3>${pages.t(lang, "checkin:trace.callThese", { count: outcome.phoneOnly.length })}</h3><table class="cards" id="call-list"><tbody>${outcome.phoneOnly.map(
            // Full numbers here: these are the people officers must phone themselves (as in chat).
            (x) =>
              html`<tr><td>${formatPhoneForDisplay(x.phone)}</td><td>${x.name ?? ""}</td><td>${formatVietnamTime(x.visitedAt, lang)}</td><td>${x.outsideZalo && "Zalo"}</td></tr>`,
          )}</tbody></table>`,
        html`<p><a href="/admin/visits?venue=${encodeURIComponent(venue.code)}&amp;lang=${lang}">${p("visits.back")}</a></p></section>`,
      ]}`,
    );
  });
}

type Words = (k: string, params?: Record<string, string | number>) => string;

function searchForm(lang: Language, q: string, p: Words): SafeHtml {
  return html`<section><form method="get" action="/admin/visits" id="venue-search"><input type="hidden" name="lang" value="${lang}"><label>${p("visits.search")} <input name="q" value="${q}" autofocus></label> <button type="submit">${p("visits.find")}</button></form><p class="muted">${p("visits.searchHelp")}</p></section>`;
}

function windowForm(
  lang: Language,
  venue: VenueRecord,
  typed: { from: string; to: string },
  p: Words,
): SafeHtml {
  return html`<section><form method="get" action="/admin/visits" id="window"><input type="hidden" name="lang" value="${lang}"><input type="hidden" name="venue" value="${venue.code}"><label>${p("visits.from")} <input name="from" value="${typed.from}" placeholder="dd/mm/yyyy hh:mm"></label> <label>${p("visits.to")} <input name="to" value="${typed.to}" placeholder="dd/mm/yyyy hh:mm"></label> <button type="submit">${p("visits.show")}</button></form><p class="muted">${p("visits.windowHelp", { days: DEFAULT_WINDOW_DAYS, max: MAX_WINDOW_DAYS })}</p></section>`;
}

function visitList(lang: Language, visits: VisitRecord[], p: Words): SafeHtml {
  const source = (s: string) =>
    s === "web" ? p("visits.web") : (CHANNEL_NAMES[s as keyof typeof CHANNEL_NAMES] ?? s);
  return html`<section><p id="visit-count">${p("visits.count", { count: visits.length })}</p>${
    visits.length > 0 &&
    html`<table class="cards" id="visits"><thead><tr><th>${p("visits.at")}</th><th>${p("visits.phone")}</th><th>${p("visits.name")}</th><th>${p("visits.source")}</th><th>${p("visits.health")}</th></tr></thead><tbody>${visits
      .slice(0, LIST_LIMIT)
      .map(
        (v) =>
          html`<tr><td data-label="${p("visits.at")}">${formatVietnamTime(v.visitedAt, lang)}</td><td data-label="${p("visits.phone")}">${v.phone ? maskPhone(v.phone) : "—"}</td><td data-label="${p("visits.name")}">${v.name ?? ""}</td><td data-label="${p("visits.source")}">${source(v.source)}</td><td data-label="${p("visits.health")}">${v.flagged ? p("visits.flagged") : ""}</td></tr>`,
      )}</tbody></table>`
  }${visits.length > LIST_LIMIT && html`<p class="muted">${p("visits.more", { count: visits.length - LIST_LIMIT })}</p>`}</section>`;
}

function alertForm(
  lang: Language,
  venue: VenueRecord,
  window: TimeWindow,
  count: number,
  csrf: string,
  p: Words,
): SafeHtml {
  return html`<section><form method="post" action="/admin/visits/alert?lang=${lang}" id="alert">${csrfField(csrf)}<input type="hidden" name="venue" value="${venue.code}"><input type="hidden" name="from" value="${window.from.toISOString()}"><input type="hidden" name="to" value="${window.to.toISOString()}"><p>${p("visits.askAlert", { count })}</p><button type="submit">${p("visits.alert")}</button></form></section>`;
}
