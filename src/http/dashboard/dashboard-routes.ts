import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Router as ExpressRouter, Request, Response } from "express";
import { shorten } from "../../core/shorten";
import { dayMonth, vietnamDay } from "../../core/vietnam-time";
import type { ZaloOaSendCount } from "../../features/dashboard/dashboard-store";
import { unitsInForce } from "../../features/venues/district";
import { auditRequests } from "../audit-requests";
import { html, type SafeHtml } from "../html";
import { mountDashboardAudit } from "./dashboard-audit";
import { mountDashboardBroadcasts } from "./dashboard-broadcasts";
import { mountDashboardContent } from "./dashboard-content";
import { DashboardContext, type DashboardDeps, field } from "./dashboard-context";
import { csrfField, jsonBlock } from "./dashboard-html";
import { mountDashboardInbox } from "./dashboard-inbox";
import { mountDashboardInsights } from "./dashboard-insights";
import { mountDashboardNotices } from "./dashboard-notices";
import {
  DASHBOARD_COOKIE,
  loadViewer,
  sessionCookieOptions,
  sessionIdOf,
  viewerOf,
} from "./dashboard-session";
import { mountDashboardTokens } from "./dashboard-tokens";
import { mountDashboardVenues } from "./dashboard-venues";
import { mountDashboardVisits } from "./dashboard-visits";

export type { DashboardDeps };

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "assets");
// The package exports no subpath for its UMD build, so it is found next to its main file.
const CHART_JS = join(dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.min.js");
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The officers' dashboard under /admin: login by one-time link, then server-rendered pages scoped to the
 * officer's communes. Charts are drawn by one static script from a JSON block (the CSP allows no inline
 * script and no other origin).
 */
export function mountDashboard(router: ExpressRouter, deps: DashboardDeps): void {
  const c = new DashboardContext(deps);
  const { html: pages } = c;

  // Chart.js from its npm package (the UMD build defines a global `Chart`), served by us: no CDN.
  router.get("/admin/assets/chart.umd.js", (_req: Request, res: Response) => {
    res.sendFile(CHART_JS, { maxAge: "1d", headers: { "Content-Type": "text/javascript; charset=utf-8" } });
  });

  router.get("/admin/assets/dashboard.js", (_req: Request, res: Response) => {
    res.sendFile(join(ASSETS, "dashboard.js"), {
      maxAge: "1h",
      headers: { "Content-Type": "text/javascript; charset=utf-8" },
    });
  });

  // Opening the link is a GET, and chat apps fetch links for their previews: a GET only shows a button,
  // the POST it sends spends the one-time link (docs/adr/007-officers-dashboard.md).
  router.get("/admin/login/:token", (req: Request, res: Response) => {
    const lang = c.lang(req);
    const action = `/admin/login/${encodeURIComponent(String(req.params.token))}?lang=${lang}`;
    // The token is in the address: never sent on to another site as a Referer (same-origin keeps the
    // Origin header of the form post, which the check below needs).
    res.set("Referrer-Policy", "same-origin");
    c.send(
      res,
      200,
      pages.page(lang, {
        title: pages.t(lang, "loginConfirm.title"),
        body: html`${[
          html`<p>${pages.t(lang, "loginConfirm.body")}</p>`,
          html`<form id="login" method="post" action="${action}"><button type="submit">${pages.t(lang, "loginConfirm.button")}</button></form>`,
        ]}`,
      }),
    );
  });

  router.post("/admin/login/:token", async (req: Request, res: Response) => {
    // A page elsewhere must not be able to log a visitor in to an account of its choosing.
    if (!sameOrigin(req, deps.publicUrl))
      return void c.send(res, 403, pages.message(c.lang(req), "forbidden"));
    const sessionId = await deps.auth.login(String(req.params.token), c.now());
    if (!sessionId) return void c.send(res, 403, pages.message(c.lang(req), "linkUsed"));
    res.cookie(DASHBOARD_COOKIE, sessionId, sessionCookieOptions(deps.secureCookies));
    res.redirect(303, `/admin?lang=${c.lang(req)}`);
  });

  router.use("/admin", loadViewer(deps.auth, c.now));
  // Every page, export and form post of a logged-in officer is a staff action: audited with its route.
  router.use(
    "/admin",
    auditRequests(
      deps.audit,
      "dashboard",
      (res) => {
        const viewer = viewerOf(res);
        return viewer ? `officer:${viewer.officerId}` : undefined;
      },
      deps.onAuditError ?? (() => {}),
      (req) => req.path.startsWith("/assets/"),
    ),
  );

  router.post("/admin/logout", c.form, async (req: Request, res: Response) => {
    if (!c.poster(req, res)) return;
    const sessionId = sessionIdOf(req);
    if (sessionId) await deps.auth.logout(sessionId);
    res.clearCookie(DASHBOARD_COOKIE, { path: "/admin" });
    c.send(res, 200, pages.message(c.lang(req), "loggedOut"));
  });

  router.get("/admin", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const now = c.now();
    const communes = c.communes(viewer.scope);
    const [perCommune, targets, perChannel, broadcasts] = await Promise.all([
      deps.store.venuesPerCommune(viewer.scope),
      deps.store.targets(),
      deps.store.subscribersPerChannel(viewer.scope),
      deps.store.listBroadcasts(viewer.scope, 5),
    ]);
    const today = vietnamDay(now);
    const from = new Date(Date.parse(`${today}T00:00:00+07:00`) - 29 * DAY_MS);
    const visits = await deps.store.visitTimes(viewer.scope, from, now);
    const days = Array.from({ length: 30 }, (_, i) =>
      vietnamDay(new Date(from.getTime() + i * DAY_MS + 12 * 3600_000)),
    );
    const perDay = new Map(days.map((d) => [d, 0]));
    for (const v of visits) {
      const d = vietnamDay(v.at);
      if (perDay.has(d)) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    const charts = {
      venues: {
        type: "bar",
        labels: communes.map((u) => u.name),
        values: communes.map((u) => c.countFor(perCommune, u.code)),
        targets: communes.map((u) => targets.get(u.code) ?? null),
        legend: [pages.t(lang, "overview.registered"), pages.t(lang, "overview.target")],
      },
      checkins: {
        type: "line",
        // "26/11": the day first, as Vietnamese dates are written (the year is the page's).
        labels: days.map(dayMonth),
        values: days.map((d) => perDay.get(d) ?? 0),
      },
    };
    const sendsDays = deps.sendsDays ?? 7;
    const zaloSends = await deps.store.zaloOaSends(new Date(now.getTime() - sendsDays * DAY_MS));
    const csrf = c.csrfToken(req);
    const venueRows = communes.map(
      (u) =>
        html`<tr><td>${u.name}</td><td>${c.countFor(perCommune, u.code)}</td><td>${
          viewer.role === "admin"
            ? html`<input type="number" min="0" max="100000" name="t_${u.code}" value="${targets.get(u.code) ?? ""}" aria-label="${p("overview.target")} ${u.name}">`
            : (targets.get(u.code) ?? "—")
        }</td></tr>`,
    );
    const venueTable = html`<table><thead><tr><th>${p("overview.commune")}</th><th>${p("overview.registered")}</th><th>${p("overview.target")}</th></tr></thead><tbody>${venueRows}</tbody></table>`;
    const body = html`${[
      html`<div class="grid"><section><h2>${p("overview.venuesTitle")}</h2><div class="chart" data-chart="venues" role="img" aria-label="${p("overview.venuesTitle")}"></div></section>`,
      html`<section><h2>${p("overview.checkinsTitle")}</h2><div class="chart" data-chart="checkins" role="img" aria-label="${p("overview.checkinsTitle")}"></div>`,
      html`<p class="muted">${p("overview.checkinsTotal", { count: visits.length })}</p></section></div>`,
      html`<section><h2>${p("overview.targetsTitle")}</h2>`,
      viewer.role === "admin"
        ? html`<form method="post" action="/admin/targets?lang=${lang}">${csrfField(csrf)}${venueTable}<p><button type="submit">${p("overview.saveTargets")}</button></p></form>`
        : venueTable,
      html`</section><div class="grid"><section><h2>${p("overview.subscribersTitle")}</h2><table>`,
      [...perChannel.entries()].map(([ch, n]) => html`<tr><td>${p(`channels.${ch}`)}</td><td>${n}</td></tr>`),
      html`<tr><th>${p("overview.total")}</th><th>${[...perChannel.values()].reduce((a, b) => a + b, 0)}</th></tr></table></section>`,
      html`<section><h2>${p("overview.broadcastsTitle")}</h2><table>`,
      broadcasts.map(
        (b) =>
          html`<tr><td>${shorten(b.text, 60)}</td><td>${p(`status.${b.status}`)}</td><td>${p("broadcasts.countsShort", b.counts)}</td></tr>`,
      ),
      html`</table><p><a href="/admin/broadcasts?lang=${lang}">${p("overview.allBroadcasts")}</a></p></section></div>`,
      zaloSends.length > 0 && zaloSendsTable(zaloSends, sendsDays, p),
      jsonBlock("chart-data", charts),
    ]}`;
    c.send(
      res,
      200,
      pages.page(lang, { title: pages.t(lang, "overview.title"), body, viewer, csrf, active: "overview" }),
    );
  });

  router.post("/admin/targets", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    if (viewer.role !== "admin") return void c.send(res, 403, pages.message(c.lang(req), "forbidden"));
    for (const u of unitsInForce(deps.district)) {
      const raw = field(req.body, `t_${u.code}`, 10);
      if (!/^\d{1,6}$/.test(raw)) continue;
      await deps.store.setTarget(u.code, Number(raw), viewer.officerId);
    }
    res.redirect(303, `/admin?lang=${c.lang(req)}`);
  });

  mountDashboardVenues(router, c);
  mountDashboardVisits(router, c);
  mountDashboardBroadcasts(router, c);
  mountDashboardInsights(router, c);
  mountDashboardAudit(router, c);
  mountDashboardNotices(router, c);
  mountDashboardContent(router, c);
  mountDashboardInbox(router, c);
  mountDashboardTokens(router, c);
}

/**
 * A form post from one of our own pages: our public host or the host the request was sent to (behind a
 * proxy the two may differ). Browsers send Origin with every POST; a request without one is no browser's.
 */
function sameOrigin(req: Request, publicUrl: string): boolean {
  const origin = req.get("origin");
  if (!origin) return true;
  try {
    const host = new URL(origin).host;
    return host === req.get("host") || host === new URL(publicUrl).host;
  } catch {
    return false;
  }
}

/**
 * Zalo OA sends by purpose and by what paid for them (issue 18): billed sends ("none") and ZBS templates are
 * what costs the district money; the rest were inside Zalo's free allowance.
 */
function zaloSendsTable(
  rows: ZaloOaSendCount[],
  days: number,
  p: (k: string, params?: Record<string, string | number>) => string,
): SafeHtml {
  const quota = (q: string | null) =>
    q === "none"
      ? p("zaloSends.billed")
      : q === "template"
        ? p("zaloSends.template")
        : q
          ? p("zaloSends.quota", { type: q })
          : p("zaloSends.unknown");
  const billed = rows.filter((r) => r.quotaType === "none").reduce((n, r) => n + r.count, 0);
  return html`<section><h2>${p("zaloSends.title", { days })}</h2><p class="muted">${p("zaloSends.billedTotal", { count: billed })}</p><table><thead><tr><th>${p("zaloSends.purpose")}</th><th>${p("zaloSends.paidBy")}</th><th>${p("zaloSends.count")}</th></tr></thead><tbody>${rows.map(
    (r) =>
      html`<tr><td>${p(`zaloSends.purposes.${r.purpose ?? "reply"}`)}</td><td>${quota(r.quotaType)}</td><td>${r.count}</td></tr>`,
  )}</tbody></table></section>`;
}
