import { randomUUID } from "node:crypto";
import type { Router as ExpressRouter, Request, Response } from "express";
import type { Language } from "../../core/messages";
import { shorten } from "../../core/shorten";
import { formatDay, formatVietnamTime } from "../../core/vietnam-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { directiveSchema } from "../../features/directives/directive-store";
import { html, type SafeHtml } from "../html";
import { mountBroadcastControl, remindersSection } from "./dashboard-broadcast-control";
import {
  type ComposerInput,
  checkComposer,
  composerForm,
  composerPreview,
  readComposer,
} from "./dashboard-composer";
import { type DashboardContext, field } from "./dashboard-context";
import { csrfField } from "./dashboard-html";

/** Broadcasts (list, compose and schedule, progress) and the directives register. */
export function mountDashboardBroadcasts(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;

  const render = async (
    req: Request,
    res: Response,
    viewer: DashboardViewer,
    status: number,
    notice?: SafeHtml,
    composer?: { input: ComposerInput; errors?: Partial<Record<string, string>> },
    directive?: Record<string, string>,
  ) => {
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const csrf = c.csrfToken(req);
    const [list, directives] = await Promise.all([
      deps.store.listBroadcasts(viewer.scope, 50),
      deps.directives.latest(20),
    ]);
    const body = html`${[
      notice,
      html`<section><h2>${p("broadcasts.list")}</h2><table><thead><tr><th>${p("broadcasts.sendAt")}</th><th>${p("broadcasts.text")}</th><th>${p("broadcasts.status")}</th><th>${p("broadcasts.counts")}</th></tr></thead><tbody>`,
      list.map((b) => [
        html`<tr><td>${formatVietnamTime(b.sendAt, lang)}</td><td><a href="/admin/broadcasts/${encodeURIComponent(b.id)}?lang=${lang}">${shorten(b.text, 80)}</a></td>`,
        html`<td>${p(`status.${b.status}`)}</td><td>${p("broadcasts.countsShort", b.counts)}</td></tr>`,
      ]),
      html`</tbody></table></section>`,
      composerForm(c, viewer, lang, csrf, composer?.input, composer?.errors),
      await remindersSection(c, viewer, lang, csrf),
      html`<section><h2>${p("directives.heading")}</h2><table>`,
      directives.map(
        (d) =>
          html`<tr><td>${d.number}</td><td>${formatDay(d.issuedOn)}</td><td><strong>${d.title}</strong><br>${d.summary}</td><td>${d.link && html`<a href="${d.link}" rel="noopener noreferrer">${p("directives.link")}</a>`}</td></tr>`,
      ),
      html`</table><form method="post" action="/admin/directives?lang=${lang}">${csrfField(csrf)}`,
      ["number", "issuedOn", "title", "link"].map(
        (k) =>
          html`<label>${p(`directives.${k}`)} <input name="${k}" value="${directive?.[k] ?? ""}"${k === "issuedOn" && html` type="date"`}></label> `,
      ),
      html`<label>${p("directives.summary")}<textarea name="summary" rows="2" maxlength="1500">${directive?.summary ?? ""}</textarea></label><button type="submit">${p("directives.add")}</button></form></section>`,
    ]}`;
    c.send(
      res,
      status,
      pages.page(lang, {
        title: pages.t(lang, "broadcasts.title"),
        body,
        viewer,
        csrf,
        active: "broadcasts",
      }),
    );
  };

  const errors = (_lang: Language, messages: string[]) =>
    html`<div class="err" role="alert">${messages.map((m) => html`<p>${m}</p>`)}</div>`;

  router.get("/admin/broadcasts", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (viewer) await render(req, res, viewer, 200);
  });

  // Compose → preview → confirm: each step posts every field, so a wrong one is shown with all that was typed.
  router.post("/admin/broadcasts", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const input = readComposer(req, c, viewer);
    const step = field(req.body, "step");
    if (step === "edit") return render(req, res, viewer, 200, undefined, { input });
    const checked = checkComposer(input, c, viewer, lang);
    if (!checked.ok) return render(req, res, viewer, 400, undefined, { input, errors: checked.errors });
    const csrf = c.csrfToken(req);
    if (step !== "confirm") {
      const preview = await composerPreview(c, lang, csrf, input, checked, viewer);
      const page = pages.page(lang, {
        title: pages.t(lang, "broadcasts.previewHeading"),
        body: preview.body,
        viewer,
        csrf,
        active: "broadcasts",
      });
      return void c.send(res, 200, page);
    }
    // Counted again at the confirmation: the audience may have changed since the preview.
    if ((await deps.broadcasts.countAudience(checked.audience)) === 0)
      return render(req, res, viewer, 400, undefined, {
        input,
        errors: { audience: pages.t(lang, "broadcasts.errors.nobody") },
      });
    const created = await deps.broadcasts.create({
      text: checked.text,
      textEn: checked.textEn,
      audience: checked.audience,
      sendAt: checked.sendAt,
      createdBy: `dashboard:${viewer.officerId}`,
    });
    deps.kick();
    res.redirect(303, `/admin/broadcasts/${created.id}?lang=${lang}`);
  });

  mountBroadcastControl(router, c);

  router.post("/admin/directives", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const typed = {
      number: field(req.body, "number"),
      issuedOn: field(req.body, "issuedOn"),
      title: field(req.body, "title"),
      summary: field(req.body, "summary", 1600),
      link: field(req.body, "link", 600),
    };
    const parsed = directiveSchema.safeParse({ ...typed, link: typed.link || null });
    if (!parsed.success) {
      // Each wrong field by its label, and the form filled with what was typed.
      const wrong = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))].filter(Boolean);
      const messages = wrong.map((k) => pages.t(lang, `directives.errors.${k}`));
      return render(req, res, viewer, 400, errors(lang, messages), undefined, typed);
    }
    await deps.directives.add({
      ...parsed.data,
      id: randomUUID(),
      createdBy: `dashboard:${viewer.officerId}`,
    });
    res.redirect(303, `/admin/broadcasts?lang=${lang}`);
  });
}
