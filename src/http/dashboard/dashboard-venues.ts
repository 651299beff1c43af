import type { Router as ExpressRouter, Request, Response } from "express";
import type { Language } from "../../core/messages";
import { formatVietnamDate } from "../../core/vietnam-time";
import { toCsv } from "../../features/dashboard/csv";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import type { DashboardVenue, VenueFilter } from "../../features/dashboard/dashboard-store";
import { VENUE_CATEGORIES } from "../../features/venues/categories";
import { formatPhoneForDisplay, maskPhone } from "../../features/venues/phone";
import { html } from "../html";
import { type DashboardContext, queryParam } from "./dashboard-context";
import { csrfField } from "./dashboard-html";

const PAGE_LIMIT = 500;
const CSV_LIMIT = 50_000;

function filterOf(req: Request): VenueFilter {
  const status = queryParam(req, "status");
  const category = queryParam(req, "category");
  const commune = queryParam(req, "commune");
  return {
    ...(queryParam(req, "q") ? { q: queryParam(req, "q") } : {}),
    ...(/^\d{5}$/.test(commune) ? { commune } : {}),
    ...((VENUE_CATEGORIES as readonly string[]).includes(category) ? { category } : {}),
    ...(status === "active" || status === "paused" ? { status } : {}),
  };
}

function filterQuery(f: VenueFilter, lang: Language): string {
  const params = new URLSearchParams({ lang });
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  return params.toString();
}

/** Venues: search and filters, pause/resume, poster download, CSV export of the filtered list. */
export function mountDashboardVenues(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;
  const category = (lang: Language, code: string) => pages.t(lang, `venues:categories.${code}`);

  router.get("/admin/venues", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const f = filterOf(req);
    const venues = await deps.store.listVenues(viewer.scope, f, PAGE_LIMIT);
    const csrf = c.csrfToken(req);
    const option = (value: string, label: string, selected: string | undefined) =>
      html`<option value="${value}"${selected === value && html` selected`}>${label}</option>`;
    const back = encodeURIComponent(`/admin/venues?${filterQuery(f, lang)}`);
    const row = (v: DashboardVenue) =>
      html`${[
        html`<tr data-venue="${v.code}"><td data-label="${p("venues.name")}"><a href="/admin/venues/${encodeURIComponent(v.id)}?lang=${lang}">${v.name}</a><br><span class="muted">${v.code}</span></td>`,
        html`<td data-label="${p("venues.category")}">${category(lang, v.category)}</td><td data-label="${p("overview.commune")}">${c.communeName(v.communeCode)}</td>`,
        html`<td data-label="${p("venues.address")}">${v.address}</td><td data-label="${p("venues.status")}" class="status">${p(v.active ? "venues.active" : "venues.paused")}</td><td class="actions">`,
        html`<form class="inline" method="post" action="/admin/venues/${encodeURIComponent(v.id)}/${v.active ? "pause" : "resume"}?lang=${lang}&back=${back}">${csrfField(csrf)}`,
        html`<button type="submit" class="ghost">${p(v.active ? "venues.pause" : "venues.resume")}</button></form> `,
        html`<a href="/admin/venues/${encodeURIComponent(v.id)}/poster.pdf">${p("venues.poster")}</a> `,
        html`<a href="/admin/visits?venue=${encodeURIComponent(v.code)}&amp;lang=${lang}">${p("visits.trace")}</a></td></tr>`,
      ]}`;
    const body = html`${[
      html`<section><form method="get" action="/admin/venues" id="venue-filter"><input type="hidden" name="lang" value="${lang}">`,
      html`<input name="q" value="${f.q ?? ""}" placeholder="${p("venues.search")}" aria-label="${p("venues.search")}"> `,
      html`<select name="commune" aria-label="${p("overview.commune")}">${option("", pages.t(lang, "venues.allCommunes"), f.commune)}${c
        .communes(viewer.scope)
        .map((u) => option(u.code, u.name, f.commune))}</select> `,
      html`<select name="category" aria-label="${p("venues.category")}">${option("", pages.t(lang, "venues.allCategories"), f.category)}${VENUE_CATEGORIES.map((k) => option(k, category(lang, k), f.category))}</select> `,
      html`<select name="status" aria-label="${p("venues.status")}">${option("", pages.t(lang, "venues.allStatuses"), f.status)}${option("active", pages.t(lang, "venues.active"), f.status)}${option("paused", pages.t(lang, "venues.paused"), f.status)}</select> `,
      html`<button type="submit">${p("venues.filter")}</button> <a id="csv" href="/admin/venues.csv?${filterQuery(f, lang)}">${p("venues.csv")}</a></form></section>`,
      html`<section><p class="muted">${p("venues.count", { count: venues.length })}</p><table class="cards"><thead><tr><th>${p("venues.name")}</th><th>${p("venues.category")}</th><th>${p("overview.commune")}</th><th>${p("venues.address")}</th><th>${p("venues.status")}</th><th></th></tr></thead><tbody>`,
      venues.map(row),
      html`</tbody></table></section>`,
    ]}`;
    c.send(
      res,
      200,
      pages.page(lang, { title: pages.t(lang, "venues.title"), body, viewer, csrf, active: "venues" }),
    );
  });

  router.get("/admin/venues.csv", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const venues = await deps.store.listVenues(viewer.scope, filterOf(req), CSV_LIMIT);
    const header = [
      "code",
      "name",
      "category",
      "commune",
      "address",
      "contactName",
      "contactPhone",
      "status",
      "registered",
    ].map((k) => pages.t(lang, `venues.csvHeader.${k}`));
    const phone = phoneShown(viewer);
    const csv = toCsv([
      header,
      ...venues.map((v) => [
        v.code,
        v.name,
        category(lang, v.category),
        c.communeName(v.communeCode),
        v.address,
        v.contactName,
        v.contactPhone ? phone(v.contactPhone) : "",
        pages.t(lang, v.active ? "venues.active" : "venues.paused"),
        // The day of registration in Vietnam: a venue registered at 06:30 on the 2nd is the 2nd, not the 1st.
        formatVietnamDate(v.createdAt),
      ]),
    ]);
    res
      .status(200)
      .set({
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="venues.csv"',
        "Cache-Control": "no-store",
      })
      .send(csv);
  });

  // One venue: what it is, its poster, and what features add about it (its owner's survey answers).
  router.get("/admin/venues/:id", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string) => pages.t(lang, k);
    // Scoped in the query: another commune's venue is "not found", and no section reads anything about it.
    const venue = await deps.store.findVenue(viewer.scope, String(req.params.id));
    if (!venue) return void c.send(res, 404, pages.message(lang, "notFound"));
    const sections = await Promise.all((deps.venueSections ?? []).map((s) => s(venue, viewer, lang)));
    const body = html`${[
      html`<section id="venue"><table><tbody>`,
      html`<tr><th>${p("venues.csvHeader.code")}</th><td>${venue.code}</td></tr>`,
      html`<tr><th>${p("venues.category")}</th><td>${category(lang, venue.category)}</td></tr>`,
      html`<tr><th>${p("overview.commune")}</th><td>${c.communeName(venue.communeCode)}</td></tr>`,
      html`<tr><th>${p("venues.address")}</th><td>${venue.address}</td></tr>`,
      html`<tr><th>${p("venues.status")}</th><td>${p(venue.active ? "venues.active" : "venues.paused")}</td></tr>`,
      html`</tbody></table><p><a href="/admin/venues/${encodeURIComponent(venue.id)}/poster.pdf">${p("venues.poster")}</a> · <a href="/admin/venues?lang=${lang}">${p("venues.back")}</a></p></section>`,
      sections,
    ]}`;
    const csrf = c.csrfToken(req);
    c.send(res, 200, pages.page(lang, { title: venue.name, body, viewer, csrf, active: "venues" }));
  });

  for (const [action, active] of [
    ["pause", false],
    ["resume", true],
  ] as const) {
    router.post(`/admin/venues/:id/${action}`, c.form, async (req: Request, res: Response) => {
      const viewer = c.poster(req, res);
      if (!viewer) return;
      // Scoped in the update itself: another commune's venue is "not found", not changed.
      const changed = await deps.store.setVenueActive(viewer.scope, String(req.params.id), active);
      if (!changed) return void c.send(res, 404, pages.message(c.lang(req), "notFound"));
      const back = queryParam(req, "back", 500);
      res.redirect(303, back.startsWith("/admin/venues?") ? back : `/admin/venues?lang=${c.lang(req)}`);
    });
  }

  router.get("/admin/venues/:id/poster.pdf", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const visible = await deps.store.findVenue(viewer.scope, String(req.params.id));
    const venue = visible ? await deps.venues.findByCode(visible.code) : null;
    if (!venue) return void c.send(res, 404, pages.message(c.lang(req), "notFound"));
    res.setHeader("Content-Type", "application/pdf");
    res.setHeader("Content-Disposition", `attachment; filename="poster-${venue.code}.pdf"`);
    res.send(await deps.venueService.renderPoster(venue));
  });
}

/**
 * How an owner's phone appears in the export (docs/adr/007): in full for admins and for officers of the
 * venue's communes (the rows are already scoped to those), who call owners about their venue; masked for
 * district-wide officers and editors who are not admins, whose work does not need the number.
 */
export function phoneShown(viewer: DashboardViewer): (e164: string) => string {
  return viewer.role === "admin" || viewer.scope !== null ? formatPhoneForDisplay : maskPhone;
}
