import type { Router as ExpressRouter, Request, Response } from "express";
import type { Language } from "../../core/messages";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { foldVietnamese } from "../../features/faq/fold";
import { actorOf, MAX_ANSWER_CHARS, type Refusal } from "../../features/handover/handover-service";
import { ticketFigures } from "../../features/handover/ticket-figures";
import { ref } from "../../features/handover/ticket-messenger";
import { TICKET_STATUSES, type TicketRecord, type TicketStatus } from "../../features/handover/ticket-store";
import type { OfficerRecord } from "../../features/officers/officer-store";
import { html, type SafeHtml } from "../html";
import { type DashboardContext, field, queryParam } from "./dashboard-context";
import { csrfField } from "./dashboard-html";
import { noticeLink } from "./dashboard-notices";

const HOUR_MS = 60 * 60 * 1000;
/** Ages the inbox filters by, in hours ("older than"). */
const AGES = [1, 4, 24, 72];
/** Refusals and the status each gets: bad input 400, someone else's change first 409. */
const REFUSAL_STATUS: Record<Refusal | "nobody", number> = {
  "not-found": 404,
  "not-yours": 403,
  closed: 409,
  taken: 409,
  empty: 400,
  "too-long": 400,
  "window-closed": 409,
  nobody: 409,
};

/**
 * The inbox of handover tickets under /admin/inbox: a list by status with filters by commune and age, the
 * figures, and one ticket's conversation with a reply box (typed or a ready answer), assign to me and close.
 * Scoped like every page (an officer sees the tickets of their communes); every read and reply is audited
 * with the officer's name.
 */
export function mountDashboardInbox(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;
  const service = deps.handover;

  /** The viewer's officer record (the service decides what they may see with it). */
  const officerOf = async (viewer: DashboardViewer): Promise<OfficerRecord | undefined> =>
    (await deps.officers.list()).find((o) => o.id === viewer.officerId && !o.revokedAt);

  const status = (s: string): TicketStatus | undefined => TICKET_STATUSES.find((x) => x === s);
  const waited = (lang: Language, t: TicketRecord, now: Date) =>
    pages.t(lang, "handover:dashboard.minutes", {
      minutes: Math.round(
        ((t.firstAnsweredAt ?? t.closedAt ?? now).getTime() - t.createdAt.getTime()) / 60_000,
      ),
    });

  router.get("/admin/inbox", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) =>
      pages.t(lang, `handover:dashboard.${k}`, params);
    const now = c.now();
    const shown = status(queryParam(req, "status")) ?? "open";
    const communes = c.communes(viewer.scope);
    const commune = communes.find((u) => u.code === queryParam(req, "commune"))?.code;
    const age = AGES.find((a) => String(a) === queryParam(req, "age"));
    const scope = viewer.scope;
    const [tickets, all] = await Promise.all([
      service.store.list({
        scope,
        status: shown,
        ...(commune ? { communes: [commune] } : {}),
        ...(age ? { createdBefore: new Date(now.getTime() - age * HOUR_MS) } : {}),
      }),
      service.store.list({ scope, limit: 5000, createdAfter: new Date(now.getTime() - 30 * 24 * HOUR_MS) }),
    ]);
    const figures = ticketFigures(all, now);
    const name = (code: string | null) => (code ? c.communeName(code) : p("noCommune"));
    const filters = html`<form method="get" action="/admin/inbox"><input type="hidden" name="lang" value="${lang}">${[
      html`<select name="status" aria-label="${p("status")}">${TICKET_STATUSES.map((s) => html`<option value="${s}"${s === shown && html` selected`}>${p(`statuses.${s}`)}</option>`)}</select> `,
      html`<select name="commune" aria-label="${p("commune")}"><option value="">${p("allCommunes")}</option>${communes.map((u) => html`<option value="${u.code}"${u.code === commune && html` selected`}>${u.name}</option>`)}</select> `,
      html`<select name="age" aria-label="${p("age")}"><option value="">${p("anyAge")}</option>${AGES.map((a) => html`<option value="${a}"${a === age && html` selected`}>${p("olderThan", { hours: a })}</option>`)}</select> `,
      html`<button type="submit">${p("filter")}</button></form>`,
    ]}`;
    const body = html`${[
      html`<section>${filters}<table><thead><tr><th>${p("ref")}</th><th>${p("commune")}</th><th>${p("question")}</th><th>${p("opened")}</th><th>${p("waited")}</th><th>${p("assignee")}</th></tr></thead><tbody>`,
      tickets.map(
        (t) =>
          html`<tr><td><a href="/admin/inbox/${encodeURIComponent(t.id)}?lang=${lang}">${ref(t)}</a></td><td>${name(t.communeCode)}</td><td>${t.question.slice(0, 120)}</td><td>${formatVietnamTime(t.createdAt, lang)}</td><td>${waited(lang, t, now)}</td><td>${t.assigneeId ? (t.assigneeId === viewer.officerId ? p("me") : p("taken")) : "—"}</td></tr>`,
      ),
      html`</tbody></table>${tickets.length === 0 && html`<p class="muted">${pages.t(lang, "empty")}</p>`}</section>`,
      html`<div class="grid"><section><h2>${p("figures")}</h2><table>`,
      html`<tr><td>${p("firstAnswerMedian")}</td><td>${minutesOrDash(p, figures.firstAnswerMedianMinutes)}</td></tr>`,
      html`<tr><td>${p("firstAnswerP90")}</td><td>${minutesOrDash(p, figures.firstAnswerP90Minutes)}</td></tr>`,
      html`<tr><td>${p("unansweredOverDay")}</td><td>${figures.unansweredOverDay}</td></tr>`,
      html`<tr><td>${p("ratings")}</td><td>👍 ${figures.ratings.up} · 👎 ${figures.ratings.down}</td></tr></table><p class="muted">${p("figuresNote")}</p></section>`,
      html`<section><h2>${p("perCommune")}</h2><table>`,
      [...figures.perCommune.entries()].map(
        ([code, n]) => html`<tr><td>${name(code)}</td><td>${n}</td></tr>`,
      ),
      html`</table></section></div>`,
    ]}`;
    const csrf = c.csrfToken(req);
    c.send(res, 200, pages.page(lang, { title: p("title"), body, viewer, csrf, active: "inbox" }));
  });

  const showTicket = async (
    req: Request,
    res: Response,
    viewer: DashboardViewer,
    httpStatus: number,
    notice?: SafeHtml,
  ) => {
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) =>
      pages.t(lang, `handover:dashboard.${k}`, params);
    const officer = await officerOf(viewer);
    const ticket = officer ? await service.visible(String(req.params.id), officer) : "not-found";
    if (!officer || typeof ticket === "string") return void c.send(res, 404, pages.message(lang, "notFound"));
    // Reading a person's words is audited like every read of personal data.
    await service.recordRead(actorOf(officer, officer.displayName), ticket);
    const [messages, address] = await Promise.all([
      service.store.messages(ticket.id),
      service.store.contactAddress(ticket.contactId),
    ]);
    const now = c.now();
    const windowClosed = service.windowClosed(ticket, address?.lastInboundAt ?? null, now);
    // Closing the loop: once answered, others who asked the same and agreed to be told can get the answer.
    const cluster = foldVietnamese(ticket.question);
    const waiting = messages.some((m) => m.author === "officer")
      ? ((await deps.faq.awaitingAnswer(viewer.scope)).get(cluster) ?? 0)
      : 0;
    const csrf = c.csrfToken(req);
    const action = (what: string) => `/admin/inbox/${encodeURIComponent(ticket.id)}/${what}?lang=${lang}`;
    const author = (a: string) => p(`authors.${a}`);
    const open = ticket.status !== "closed";
    const body = html`${[
      notice,
      html`<section><p>${p("commune")}: ${ticket.communeCode ? c.communeName(ticket.communeCode) : p("noCommune")} · ${p("status")}: ${p(`statuses.${ticket.status}`)} · ${p("channel")}: ${pages.t(lang, `dashboard:channels.${ticket.channel}`)} · ${p("opened")}: ${formatVietnamTime(ticket.createdAt, lang)}</p>`,
      ticket.rating &&
        html`<p>${p("rated")}: ${ticket.rating === "up" ? "👍" : "👎"} ${ticket.ratingComment ?? ""}</p>`,
      html`<table><tbody>`,
      messages.map(
        (m) =>
          html`<tr><td class="muted">${formatVietnamTime(m.createdAt, lang)}</td><td>${author(m.author)}</td><td style="white-space:pre-wrap">${m.text}</td></tr>`,
      ),
      html`</tbody></table></section>`,
      windowClosed && html`<p class="err" id="window-closed">${p("windowClosed")}</p>`,
      waiting > 0 &&
        html`<p class="ok"><a href="${noticeLink(cluster, lang, { ticket: ticket.id })}">${pages.t(lang, "handover:notices.link", { count: waiting })}</a></p>`,
      open &&
        html`${[
          html`<section><h2>${p("reply")}</h2><form method="post" action="${action("reply")}">${csrfField(csrf)}`,
          html`<textarea name="text" rows="5" maxlength="${MAX_ANSWER_CHARS}" aria-label="${p("reply")}"${windowClosed && html` disabled`}></textarea>`,
          html`<p><label>${p("ready")} <select name="ready"><option value="">—</option>${deps.readyAnswers.ids().map((id) => html`<option value="${id}">${deps.readyAnswers.title(id, lang) ?? id}</option>`)}</select></label> `,
          html`<button type="submit"${windowClosed && html` disabled`}>${p("send")}</button></p></form>`,
          html`<form class="inline" method="post" action="${action("assign")}">${csrfField(csrf)}<button class="ghost" type="submit">${p("assignMe")}</button></form> `,
          html`<form class="inline" method="post" action="${action("close")}">${csrfField(csrf)}<button class="ghost" type="submit">${p("close")}</button></form></section>`,
        ]}`,
    ]}`;
    c.send(
      res,
      httpStatus,
      pages.page(lang, { title: `${p("ticket")} ${ref(ticket)}`, body, viewer, csrf, active: "inbox" }),
    );
  };

  router.get("/admin/inbox/:id", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (viewer) await showTicket(req, res, viewer, 200);
  });

  /** Runs an officer's action and shows the ticket again with what happened. */
  const act =
    (
      run: (officer: OfficerRecord, id: string, body: unknown) => Promise<TicketRecord | Refusal | "nobody">,
      done: string,
    ) =>
    async (req: Request, res: Response) => {
      const viewer = c.poster(req, res);
      if (!viewer) return;
      const lang = c.lang(req);
      const officer = await officerOf(viewer);
      if (!officer) return void c.send(res, 404, pages.message(lang, "notFound"));
      const result = await run(officer, String(req.params.id), req.body);
      if (typeof result === "string") {
        const status = REFUSAL_STATUS[result];
        if (status === 404) return void c.send(res, 404, pages.message(lang, "notFound"));
        const ticket = await service.store.get(String(req.params.id));
        const params = {
          max: MAX_ANSWER_CHARS,
          length: field(req.body, "text", 100_000).length,
          ref: ticket ? ref(ticket) : "",
          by: ticket ? await service.assigneeSignature(ticket) : "",
        };
        const notice = html`<p class="err" role="alert">${pages.t(lang, `handover:refused.${result}`, params)}</p>`;
        return showTicket(req, res, viewer, status, notice);
      }
      return showTicket(
        req,
        res,
        viewer,
        200,
        html`<p class="ok" role="status">${pages.t(lang, `handover:dashboard.${done}`)}</p>`,
      );
    };

  router.post(
    "/admin/inbox/:id/reply",
    c.form,
    act(async (officer, id, body) => {
      const ticket = await service.store.get(id);
      const ready = field(body, "ready", 100);
      const readyText = ready && ticket ? deps.readyAnswers.answer(ready, ticket.language) : undefined;
      const text = readyText ?? field(body, "text", 100_000);
      return service.answer(id, officer, actorOf(officer, officer.displayName), text, c.now());
    }, "sent"),
  );
  router.post(
    "/admin/inbox/:id/assign",
    c.form,
    act(
      (officer, id) => service.take(id, officer, actorOf(officer, officer.displayName), { takeOver: true }),
      "assigned",
    ),
  );
  router.post(
    "/admin/inbox/:id/close",
    c.form,
    act(
      (officer, id) => service.closeByOfficer(id, officer, actorOf(officer, officer.displayName), c.now()),
      "closed",
    ),
  );
}

function minutesOrDash(
  p: (k: string, params?: Record<string, string | number>) => string,
  minutes: number | null,
): string {
  return minutes === null ? "—" : p("minutes", { minutes: Math.round(minutes) });
}
