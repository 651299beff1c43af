import type { Router as ExpressRouter, Request, Response } from "express";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { DashboardContext } from "./dashboard-context";
import { escapeHtml } from "./dashboard-html";

/** Read-only pages: unanswered FAQ questions with 👍/👎 per topic, and the audit log of visit-data access. */
export function mountDashboardInsights(router: ExpressRouter, c: DashboardContext): void {
  const { html, deps } = c;

  router.get("/admin/questions", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string) => html.t(lang, k);
    const [unanswered, feedback] = await Promise.all([
      deps.faq.listUnanswered(100),
      deps.store.feedbackPerTopic(),
    ]);
    const body =
      `<section><h2>${p("questions.unanswered")}</h2><table><thead><tr><th>${p("questions.text")}</th><th>${p("questions.count")}</th><th>${p("questions.last")}</th></tr></thead><tbody>` +
      unanswered
        .map(
          (q) =>
            `<tr><td>${escapeHtml(q.text)}</td><td>${q.count}</td><td>${formatVietnamTime(q.lastAskedAt, lang)}</td></tr>`,
        )
        .join("") +
      `</tbody></table>${unanswered.length ? "" : `<p class="muted">${p("empty")}</p>`}</section>` +
      `<section><h2>${p("questions.feedback")}</h2><table><thead><tr><th>${p("questions.topic")}</th><th>👍</th><th>👎</th></tr></thead><tbody>` +
      feedback
        .map((f) => `<tr><td>${escapeHtml(f.topic)}</td><td>${f.up}</td><td>${f.down}</td></tr>`)
        .join("") +
      `</tbody></table>${feedback.length ? "" : `<p class="muted">${p("empty")}</p>`}</section>`;
    const csrf = c.csrfToken(req);
    c.send(
      res,
      200,
      html.page(lang, { title: html.raw(lang, "questions.title"), body, viewer, csrf, active: "questions" }),
    );
  });

  router.get("/admin/audit", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string) => html.t(lang, k);
    const rows = await deps.store.listAudit(viewer.scope, 200);
    const when = (d: Date | null) => (d ? formatVietnamTime(d, lang) : "");
    const body =
      `<section><p class="muted">${p("audit.note")}</p><table><thead><tr><th>${p("audit.at")}</th><th>${p("audit.actor")}</th><th>${p("audit.action")}</th><th>${p("audit.subject")}</th><th>${p("audit.window")}</th><th>${p("audit.results")}</th></tr></thead><tbody>` +
      rows
        .map(
          (r) =>
            `<tr><td>${when(r.createdAt)}</td><td>${escapeHtml(r.actor)}</td><td>${escapeHtml(r.action)}</td>` +
            `<td>${escapeHtml(r.venueId ?? (r.communeCode ? c.communeName(r.communeCode) : ""))}</td>` +
            `<td>${when(r.windowFrom)} – ${when(r.windowTo)}</td><td>${r.resultCount}</td></tr>`,
        )
        .join("") +
      `</tbody></table>${rows.length ? "" : `<p class="muted">${p("empty")}</p>`}</section>`;
    const csrf = c.csrfToken(req);
    c.send(
      res,
      200,
      html.page(lang, { title: html.raw(lang, "audit.title"), body, viewer, csrf, active: "audit" }),
    );
  });
}
