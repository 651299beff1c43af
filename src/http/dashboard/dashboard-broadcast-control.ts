import type { Router as ExpressRouter, Request, Response } from "express";
import type { Language } from "../../core/messages";
import { shorten } from "../../core/shorten";
import { formatVietnamTime } from "../../core/vietnam-time";
import { broadcastTextSchema } from "../../features/broadcasts/audience";
import type { RecurringRecord } from "../../features/broadcasts/recurring";
import { describeRepeat } from "../../features/broadcasts/repeat-steps";
import { formatLocal, parseSendTime } from "../../features/broadcasts/send-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { html, type SafeHtml } from "../html";
import { type DashboardContext, field } from "./dashboard-context";
import { csrfField } from "./dashboard-html";

/** Reminders a viewer may see and change: all for the district's viewers, those aimed at their communes else. */
function remindersOf(
  c: DashboardContext,
  viewer: DashboardViewer,
  all: RecurringRecord[],
): RecurringRecord[] {
  const active = all.filter((r) => r.active);
  if (!viewer.scope) return active;
  const mine = new Set(c.communes(viewer.scope).flatMap((u) => c.coveredCodes(u.code)));
  return active.filter((r) => r.audience.communes?.some((code) => mine.has(code)));
}

/** The broadcasts page's section of recurring reminders: when, next run (or paused), pause/resume, stop. */
export async function remindersSection(
  c: DashboardContext,
  viewer: DashboardViewer,
  lang: Language,
  csrf: string,
): Promise<SafeHtml> {
  const p = (k: string, params?: Record<string, string | number>) => c.html.t(lang, k, params);
  const reminders = remindersOf(c, viewer, await c.deps.recurring.list());
  const button = (r: RecurringRecord, what: string, cls = "") =>
    html`<form class="inline" method="post" action="/admin/reminders/${encodeURIComponent(r.id)}/${what}?lang=${lang}">${csrfField(csrf)}<button type="submit"${cls && html` class="${cls}"`}>${p(`reminders.${what}`)}</button></form> `;
  return html`<section id="reminders"><h2>${p("reminders.heading")}</h2>${
    reminders.length === 0
      ? html`<p class="muted">${p("reminders.none")}</p>`
      : html`<table><thead><tr><th>${p("reminders.when")}</th><th>${p("reminders.next")}</th><th>${p("broadcasts.text")}</th><th></th></tr></thead><tbody>${reminders.map(
          (r) =>
            html`<tr data-reminder="${r.id}"><td>${c.deps.texts.render(describeRepeat(r), lang)}</td><td>${r.pausedAt ? p("reminders.paused") : formatVietnamTime(r.nextRunAt, lang)}</td><td>${shorten(r.text, 80)}</td><td>${button(r, r.pausedAt ? "resume" : "pause")}${button(r, "stop", "ghost")}</td></tr>`,
        )}</tbody></table>`
  }</section>`;
}

/**
 * A broadcast's page (progress; while it has not started: new time and text; until it is done: cancel) and
 * the reminders' pause, resume and stop. Every change is checked against the viewer's scope and logged.
 */
export function mountBroadcastControl(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;

  const findFor = async (viewer: DashboardViewer, id: string) =>
    (await deps.store.listBroadcasts(viewer.scope, 200)).find((b) => b.id === id);

  const detail = async (
    req: Request,
    res: Response,
    viewer: DashboardViewer,
    status: number,
    notice?: SafeHtml,
    typed?: { text: string; textEn: string; when: string; errors: Partial<Record<string, string>> },
  ) => {
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const id = String(req.params.id);
    const found = await findFor(viewer, id);
    const record = found && (await deps.broadcasts.get(id));
    if (!found || !record) return void c.send(res, 404, pages.message(lang, "notFound"));
    const csrf = c.csrfToken(req);
    const live = found.status === "scheduled" || found.status === "sending";
    const done = found.counts.total - found.counts.pending;
    const percent = found.counts.total ? Math.floor((done * 100) / found.counts.total) : 0;
    const errors = typed?.errors ?? {};
    const action = (what: string) => `/admin/broadcasts/${encodeURIComponent(id)}/${what}?lang=${lang}`;
    const body = html`${[
      notice,
      html`<section><p>${found.text}</p><p id="state">${p(`status.${found.status}`)} · ${formatVietnamTime(found.sendAt, lang)}</p>`,
      html`<progress max="100" value="${percent}">${percent}%</progress> ${percent}%`,
      html`<p id="counts">${p("broadcasts.countsShort", found.counts)}</p>`,
      found.status === "sending" && html`<p class="muted">${p("broadcasts.refreshing")}</p>`,
      live &&
        html`<form method="post" action="${action("cancel")}" id="cancel">${csrfField(csrf)}<button type="submit">${p("broadcasts.cancelButton")}</button> <span class="muted">${p("broadcasts.cancelNote")}</span></form>`,
      html`<p><a href="/admin/broadcasts?lang=${lang}">${p("broadcasts.back")}</a></p></section>`,
      found.status === "scheduled" &&
        html`<section><h2>${p("broadcasts.change")}</h2>${
          Object.keys(errors).length > 0 &&
          html`<div class="err" role="alert">${Object.entries(errors).map(([k, m]) => html`<p>${p(`broadcasts.fields.${k}`)}: ${m}</p>`)}</div>`
        }<form method="post" action="${action("update")}" id="change">${csrfField(csrf)}`,
      found.status === "scheduled" &&
        html`<label>${p("broadcasts.textVi")}<textarea name="text" rows="4" maxlength="3500"${errors.text && html` aria-invalid="true"`}>${typed?.text ?? record.text}</textarea></label><label>${p("broadcasts.textEn")}<textarea name="textEn" rows="3" maxlength="3500">${typed?.textEn ?? record.textEn ?? ""}</textarea></label><label>${p("broadcasts.newTime")} <input name="when" value="${typed?.when ?? ""}" placeholder="${formatLocal(record.sendAt)}"${errors.when && html` aria-invalid="true"`}></label> <button type="submit">${p("broadcasts.save")}</button></form></section>`,
    ]}`;
    // While it is sending the page reloads itself every 5 s (no script needed); not while a form may be typed in.
    const head = found.status === "sending" ? html`<meta http-equiv="refresh" content="5">` : undefined;
    c.send(
      res,
      status,
      pages.page(lang, { title: p("broadcasts.progress"), body, viewer, csrf, active: "broadcasts", head }),
    );
  };

  router.get("/admin/broadcasts/:id", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (viewer) await detail(req, res, viewer, 200);
  });

  router.post("/admin/broadcasts/:id/cancel", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const id = String(req.params.id);
    if (!(await findFor(viewer, id))) return void c.send(res, 404, pages.message(lang, "notFound"));
    const outcome = await deps.broadcasts.stop(id, c.now(), `dashboard:${viewer.officerId}`);
    const notice =
      typeof outcome === "string"
        ? html`<div class="err" role="alert">${pages.t(lang, "broadcasts:manage.finished")}</div>`
        : html`<div class="ok" role="status" id="cancelled">${[
            pages.t(lang, "broadcasts.cancelled", { sent: outcome.sent, stopped: outcome.stopped }),
            outcome.inFlight > 0 &&
              ` ${pages.t(lang, "broadcasts:manage.inFlight", { count: outcome.inFlight })}`,
          ]}</div>`;
    await detail(req, res, viewer, typeof outcome === "string" ? 409 : 200, notice);
  });

  router.post("/admin/broadcasts/:id/update", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const id = String(req.params.id);
    if (!(await findFor(viewer, id))) return void c.send(res, 404, pages.message(lang, "notFound"));
    const typed = {
      text: field(req.body, "text", 5000),
      textEn: field(req.body, "textEn", 5000),
      when: field(req.body, "when", 40),
    };
    const errors: Partial<Record<string, string>> = {};
    const text = broadcastTextSchema.safeParse(typed.text);
    if (!text.success) errors.text = pages.t(lang, "broadcasts.errors.text");
    const en = typed.textEn ? broadcastTextSchema.safeParse(typed.textEn) : undefined;
    if (en && !en.success) errors.textEn = pages.t(lang, "broadcasts.errors.textEn");
    const sendAt = typed.when ? parseSendTime(typed.when, c.now()) : undefined;
    if (typeof sendAt === "string") errors.when = pages.t(lang, `broadcasts.errors.${sendAt}`);
    if (!text.success || Object.keys(errors).length)
      return detail(req, res, viewer, 400, undefined, { ...typed, errors });
    const updated = await deps.broadcasts.update(
      id,
      {
        text: text.data,
        textEn: en?.success ? en.data : null,
        ...(sendAt instanceof Date ? { sendAt } : {}),
      },
      `dashboard:${viewer.officerId}`,
    );
    if (!updated)
      return detail(
        req,
        res,
        viewer,
        409,
        html`<div class="err" role="alert">${pages.t(lang, "broadcasts.tooLate")}</div>`,
      );
    deps.kick();
    await detail(
      req,
      res,
      viewer,
      200,
      html`<div class="ok" role="status">${pages.t(lang, "broadcasts.saved", { time: formatVietnamTime(updated.sendAt, lang) })}</div>`,
    );
  });

  router.post("/admin/reminders/:id/:what", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const id = String(req.params.id);
    const what = String(req.params.what);
    const reminder = remindersOf(c, viewer, await deps.recurring.list()).find((r) => r.id === id);
    if (!reminder || !["pause", "resume", "stop"].includes(what))
      return void c.send(res, 404, pages.message(lang, "notFound"));
    const now = c.now();
    const actor = `dashboard:${viewer.officerId}`;
    const changed =
      what === "pause"
        ? await deps.recurring.pause(id, now, actor)
        : what === "resume"
          ? await deps.recurring.resume(id, now, actor)
          : await deps.recurring.deactivate(id, actor);
    if (!changed) return void c.send(res, 409, pages.message(lang, "notFound"));
    res.redirect(303, `/admin/broadcasts?lang=${lang}#reminders`);
  });
}
