import type { Router as ExpressRouter, Request, Response } from "express";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import type { NoticeAnswer } from "../../features/handover/answer-notices";
import { actorOf } from "../../features/handover/handover-service";
import type { OfficerRecord } from "../../features/officers/officer-store";
import { html, type SafeHtml } from "../html";
import { type DashboardContext, field, queryParam } from "./dashboard-context";
import { csrfField } from "./dashboard-html";

/** Longest cluster key read from a request: FaqUnanswered.folded is cut at 500 characters. */
const MAX_CLUSTER = 600;

/** The link to the send page of a cluster, with the answer chosen (a topic or a ticket's reply). */
export function noticeLink(
  cluster: string,
  lang: string,
  with_: { topic?: string; ticket?: string } = {},
): string {
  const extra = with_.topic
    ? `&topic=${encodeURIComponent(with_.topic)}`
    : with_.ticket
      ? `&ticket=${encodeURIComponent(with_.ticket)}`
      : "";
  return `/admin/questions/notify?cluster=${encodeURIComponent(cluster)}${extra}&lang=${lang}`;
}

/**
 * Closing the loop (docs/adr/013): the page that shows how many people of a question cluster, within the
 * officer's communes, agreed to be told and would get the answer now, and the confirmed send. The answer is a
 * published topic (in each person's language) or the officer's reply on a ticket of theirs.
 */
export function mountDashboardNotices(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;
  const t = (req: Request, k: string, params?: Record<string, string | number>) =>
    pages.t(c.lang(req), `handover:notices.${k}`, params);

  const officerOf = async (viewer: DashboardViewer): Promise<OfficerRecord | undefined> =>
    (await deps.officers.list()).find((o) => o.id === viewer.officerId && !o.revokedAt);

  /** The answer the request names, if the officer may send it: a published topic, or a ticket of theirs. */
  const answerOf = async (
    officer: OfficerRecord,
    topic: string,
    ticket: string,
  ): Promise<(NoticeAnswer & { preview: string }) | undefined> => {
    if (ticket) {
      const found = await deps.handover.visible(ticket, officer);
      if (typeof found === "string") return undefined;
      const reply = (await deps.handover.store.messages(found.id))
        .filter((m) => m.author === "officer")
        .at(-1);
      return reply && { about: `ticket:${found.id}`, text: () => reply.text, preview: reply.text };
    }
    const vi = deps.readyAnswers.answer(topic, "vi");
    if (!topic || vi === undefined) return undefined;
    return {
      about: `topic:${topic}`,
      text: (lang) => deps.readyAnswers.answer(topic, lang) ?? vi,
      preview: vi,
    };
  };

  const page = (req: Request, res: Response, viewer: DashboardViewer, status: number, body: SafeHtml) =>
    c.send(
      res,
      status,
      pages.page(c.lang(req), {
        title: t(req, "title"),
        body,
        viewer,
        csrf: c.csrfToken(req),
        active: "questions",
      }),
    );

  router.get("/admin/questions/notify", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const cluster = queryParam(req, "cluster", MAX_CLUSTER);
    const officer = await officerOf(viewer);
    const plan =
      officer && cluster ? await deps.answerNotices.plan(cluster, viewer.scope, c.now()) : "not-found";
    if (!officer || plan === "not-found") return void c.send(res, 404, pages.message(lang, "notFound"));
    const ticket = queryParam(req, "ticket", 60);
    const topic = queryParam(req, "topic", 60);
    const answer = await answerOf(officer, topic, ticket);
    const choices = deps.readyAnswers
      .ids()
      .map(
        (id) =>
          html`<option value="${id}"${id === topic ? html` selected` : ""}>${deps.readyAnswers.title(id, lang) ?? id}</option>`,
      );
    const body = html`${[
      html`<section><p>${t(req, "question")}: <strong>${plan.question}</strong></p>`,
      html`<p role="status">${t(req, "counts", { ...plan })}</p>`,
      html`<form method="post" action="/admin/questions/notify?lang=${lang}">${csrfField(c.csrfToken(req))}`,
      html`<input type="hidden" name="cluster" value="${cluster}">`,
      ticket
        ? html`<input type="hidden" name="ticket" value="${ticket}"><p>${t(req, "ticketAnswer")}</p>`
        : html`<p><label>${t(req, "topic")} <select name="topic">${choices}</select></label></p>`,
      answer && html`<div class="published">${answer.preview}</div>`,
      plan.recipients > 0
        ? html`<p><button type="submit">${t(req, "confirm", { count: plan.recipients })}</button></p>`
        : html`<p class="muted">${t(req, "nobody")}</p>`,
      html`</form><p class="muted">${t(req, "note")}</p></section>`,
    ]}`;
    page(req, res, viewer, 200, body);
  });

  router.post("/admin/questions/notify", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const cluster = field(req.body, "cluster", MAX_CLUSTER);
    const officer = await officerOf(viewer);
    if (!officer || !cluster) return void c.send(res, 404, pages.message(lang, "notFound"));
    const answer = await answerOf(officer, field(req.body, "topic", 60), field(req.body, "ticket", 60));
    if (!answer)
      return page(req, res, viewer, 400, html`<p class="err" role="alert">${t(req, "noAnswer")}</p>`);
    const result = await deps.answerNotices.send({
      folded: cluster,
      scope: viewer.scope,
      actor: actorOf(officer, officer.displayName),
      signature: deps.handover.signature(officer),
      answer,
      now: c.now(),
    });
    // Nobody of the officer's communes asked it (another commune's cluster, or a forged one): nothing sent.
    if (result === "not-found") return void c.send(res, 404, pages.message(lang, "notFound"));
    page(
      req,
      res,
      viewer,
      200,
      html`<section><p class="ok" role="status">${t(req, "sent", { ...result })}</p><p><a href="/admin/questions?lang=${lang}">${t(req, "back")}</a></p></section>`,
    );
  });
}
