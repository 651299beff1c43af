import type { Router as ExpressRouter, Request, Response } from "express";
import { formatVietnamTime } from "../../core/vietnam-time";
import { html } from "../html";
import type { DashboardContext } from "./dashboard-context";
import { noticeLink } from "./dashboard-notices";

/** Read-only pages: unanswered FAQ questions with 👍/👎 per topic, (the audit log is dashboard-audit.ts). */
export function mountDashboardInsights(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;

  router.get("/admin/questions", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string) => pages.t(lang, k);
    const [unanswered, feedback, topics, awaiting] = await Promise.all([
      deps.faq.listUnanswered(100),
      deps.store.feedbackPerTopic(),
      deps.faqContent.list(),
      deps.faq.awaitingAnswer(viewer.scope),
    ]);
    // Officers know topics by their titles; the id stays beside it for whoever edits the content.
    const titles = new Map(
      topics.flatMap((t) => {
        const title = (t.published?.content ?? t.draft?.content)?.title;
        return title ? [[t.id, title[lang] || title.vi] as const] : [];
      }),
    );
    // People of the viewer's communes who agreed to be told of an answer to this cluster (closing the loop).
    const notify = (folded: string) => {
      const count = awaiting.get(folded) ?? 0;
      return (
        count > 0 &&
        html` · <a href="${noticeLink(folded, lang)}">${pages.t(lang, "handover:notices.link", { count })}</a>`
      );
    };
    const body = html`${[
      html`<section><h2>${p("questions.unanswered")}</h2><table><thead><tr><th>${p("questions.text")}</th><th>${p("questions.count")}</th><th>${p("questions.last")}</th><th></th></tr></thead><tbody>`,
      unanswered.map(
        (q) =>
          html`<tr><td>${q.text}</td><td>${q.count}</td><td>${formatVietnamTime(q.lastAskedAt, lang)}</td><td><a href="/admin/content/new?cluster=${encodeURIComponent(q.folded)}&amp;lang=${lang}">${p("questions.newTopic")}</a>${notify(q.folded)}</td></tr>`,
      ),
      html`</tbody></table>${unanswered.length === 0 && html`<p class="muted">${p("empty")}</p>`}</section>`,
      html`<section><h2>${p("questions.feedback")}</h2><table><thead><tr><th>${p("questions.topic")}</th><th>👍</th><th>👎</th></tr></thead><tbody>`,
      feedback.map(
        (f) =>
          html`<tr data-topic="${f.topic}"><td><a href="/admin/content/${encodeURIComponent(f.topic)}?lang=${lang}">${titles.get(f.topic) ?? f.topic}</a></td><td>${f.up}</td><td>${f.down}</td></tr>`,
      ),
      html`</tbody></table>${feedback.length === 0 && html`<p class="muted">${p("empty")}</p>`}</section>`,
    ]}`;
    const csrf = c.csrfToken(req);
    c.send(
      res,
      200,
      pages.page(lang, { title: pages.t(lang, "questions.title"), body, viewer, csrf, active: "questions" }),
    );
  });
}
