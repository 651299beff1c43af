import { randomUUID } from "node:crypto";
import type { Router as ExpressRouter, Request, Response } from "express";
import type { Language } from "../../core/messages";
import { type Audience, audienceSchema, broadcastTextSchema } from "../../features/broadcasts/audience";
import { formatLocal, parseSendTime } from "../../features/broadcasts/send-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { directiveSchema } from "../../features/directives/directive-store";
import { html, type SafeHtml } from "../html";
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
        html`<tr><td>${formatLocal(b.sendAt)}</td><td><a href="/admin/broadcasts/${encodeURIComponent(b.id)}?lang=${lang}">${b.text.slice(0, 80)}</a></td>`,
        html`<td>${p(`status.${b.status}`)}</td><td>${p("broadcasts.countsShort", b.counts)}</td></tr>`,
      ]),
      html`</tbody></table></section>`,
      html`<section><h2>${p("broadcasts.compose")}</h2><form method="post" action="/admin/broadcasts?lang=${lang}">${csrfField(csrf)}`,
      html`<label>${p("broadcasts.textVi")}<textarea name="text" rows="4" maxlength="3500" required></textarea></label>`,
      html`<label>${p("broadcasts.textEn")}<textarea name="textEn" rows="3" maxlength="3500"></textarea></label>`,
      html`<fieldset><legend>${p("broadcasts.audience")}</legend>`,
      !viewer.scope &&
        html`<label><input type="checkbox" name="all" value="1"> ${p("broadcasts.all")}</label><br>`,
      c
        .communes(viewer.scope)
        .map(
          (u) => html`<label><input type="checkbox" name="commune_${u.code}" value="1"> ${u.name}</label> `,
        ),
      html`</fieldset><label>${p("broadcasts.when")} <input name="when" placeholder="08:30 / 25/12 08:30"></label> `,
      html`<button type="submit">${p("broadcasts.create")}</button></form></section>`,
      html`<section><h2>${p("directives.heading")}</h2><table>`,
      directives.map(
        (d) =>
          html`<tr><td>${d.number}</td><td>${d.issuedOn}</td><td><strong>${d.title}</strong><br>${d.summary}</td><td>${d.link && html`<a href="${d.link}" rel="noopener noreferrer">${p("directives.link")}</a>`}</td></tr>`,
      ),
      html`</table><form method="post" action="/admin/directives?lang=${lang}">${csrfField(csrf)}`,
      ["number", "issuedOn", "title", "link"].map(
        (k) =>
          html`<label>${p(`directives.${k}`)} <input name="${k}"${k === "issuedOn" && html` type="date"`}></label> `,
      ),
      html`<label>${p("directives.summary")}<textarea name="summary" rows="2" maxlength="1500"></textarea></label><button type="submit">${p("directives.add")}</button></form></section>`,
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

  router.post("/admin/broadcasts", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const problems: string[] = [];
    const text = broadcastTextSchema.safeParse(field(req.body, "text", 5000));
    if (!text.success) problems.push(pages.t(lang, "broadcasts.errors.text"));
    const en = field(req.body, "textEn", 5000);
    const textEn = en ? broadcastTextSchema.safeParse(en) : undefined;
    if (textEn && !textEn.success) problems.push(pages.t(lang, "broadcasts.errors.text"));
    const picked = c.communes(viewer.scope).filter((u) => field(req.body, `commune_${u.code}`) === "1");
    // Same rule as the chat composer: a scoped officer only ever reaches their own communes.
    const audience: Audience | undefined =
      field(req.body, "all") === "1" && !viewer.scope
        ? { all: true }
        : picked.length
          ? { communes: picked.flatMap((u) => c.coveredCodes(u.code)) }
          : undefined;
    if (!audience || !audienceSchema.safeParse(audience).success)
      problems.push(pages.t(lang, "broadcasts.errors.audience"));
    const when = field(req.body, "when", 40);
    const now = c.now();
    const sendAt = when ? parseSendTime(when, now) : now;
    if (sendAt === "invalid" || sendAt === "past")
      problems.push(pages.t(lang, `broadcasts.errors.${sendAt}`));
    if (problems.length || !text.success || !audience || typeof sendAt === "string") {
      return render(req, res, viewer, 400, errors(lang, problems));
    }
    const created = await deps.broadcasts.create({
      text: text.data,
      textEn: textEn?.success ? textEn.data : null,
      audience,
      sendAt,
      createdBy: `dashboard:${viewer.officerId}`,
    });
    deps.kick();
    res.redirect(303, `/admin/broadcasts/${created.id}?lang=${lang}`);
  });

  router.get("/admin/broadcasts/:id", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const found = (await deps.store.listBroadcasts(viewer.scope, 200)).find((b) => b.id === req.params.id);
    if (!found) return void c.send(res, 404, pages.message(lang, "notFound"));
    const live = found.status === "scheduled" || found.status === "sending";
    const done = found.counts.total - found.counts.pending;
    const percent = found.counts.total ? Math.floor((done * 100) / found.counts.total) : 0;
    const body = html`${[
      html`<section><p>${found.text}</p><p>${p(`status.${found.status}`)} · ${formatLocal(found.sendAt)}</p>`,
      html`<progress max="100" value="${percent}">${percent}%</progress> ${percent}%`,
      html`<p id="counts">${p("broadcasts.countsShort", found.counts)}</p>`,
      live && html`<p class="muted">${p("broadcasts.refreshing")}</p>`,
      html`<p><a href="/admin/broadcasts?lang=${lang}">${p("broadcasts.back")}</a></p></section>`,
    ]}`;
    // While it is sending the page reloads itself every 5 s: no script needed for a live view.
    const head = live ? html`<meta http-equiv="refresh" content="5">` : undefined;
    const csrf = c.csrfToken(req);
    c.send(
      res,
      200,
      pages.page(lang, {
        title: pages.t(lang, "broadcasts.progress"),
        body,
        viewer,
        csrf,
        active: "broadcasts",
        head,
      }),
    );
  });

  router.post("/admin/directives", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const parsed = directiveSchema.safeParse({
      number: field(req.body, "number"),
      issuedOn: field(req.body, "issuedOn"),
      title: field(req.body, "title"),
      summary: field(req.body, "summary", 1600),
      link: field(req.body, "link", 600) || null,
    });
    if (!parsed.success)
      return render(req, res, viewer, 400, errors(lang, [pages.t(lang, "directives.invalid")]));
    await deps.directives.add({
      ...parsed.data,
      id: randomUUID(),
      createdBy: `dashboard:${viewer.officerId}`,
    });
    res.redirect(303, `/admin/broadcasts?lang=${lang}`);
  });
}
