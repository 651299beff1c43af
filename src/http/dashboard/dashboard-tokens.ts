import type { Router as ExpressRouter, Request, Response } from "express";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import type { ApiTokenRecord } from "../../features/officers/api-tokens";
import { html, type SafeHtml } from "../html";
import type { DashboardContext } from "./dashboard-context";
import { field } from "./dashboard-context";
import { csrfField } from "./dashboard-html";

/**
 * Personal API tokens (docs/adr/019-erasure-and-access.md): an officer makes and revokes their own, an admin
 * anyone's. A new token is shown once, in the answer to the form post (never stored, never sent in chat,
 * whose messages are kept); the list shows creation, last use and revocation times.
 */
export function mountDashboardTokens(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;

  const render = async (req: Request, res: Response, viewer: DashboardViewer, shown?: string) => {
    const lang = c.lang(req);
    const p = (k: string) => pages.t(lang, k);
    const me = { id: viewer.officerId, role: viewer.role };
    const tokens = await deps.apiTokens.list(me);
    const officers = viewer.role === "admin" ? (await deps.officers.list()).filter((o) => !o.revokedAt) : [];
    const csrf = c.csrfToken(req);
    const when = (d: Date | null) => (d ? formatVietnamTime(d, lang) : "—");
    const row = (t: ApiTokenRecord): SafeHtml =>
      html`<tr><td><code>${t.id.slice(0, 8)}</code></td>${viewer.role === "admin" && html`<td><code>${t.officerId.slice(0, 8)}</code></td>`}<td>${when(t.createdAt)}</td><td>${when(t.lastUsedAt)}</td><td>${
        t.revokedAt
          ? html`${p("tokens.revoked")} ${when(t.revokedAt)}`
          : html`<form class="inline" method="post" action="/admin/tokens/${encodeURIComponent(t.id)}/revoke?lang=${lang}">${csrfField(csrf)}<button class="ghost" type="submit">${p("tokens.revoke")}</button></form>`
      }</td></tr>`;
    const body = html`${[
      shown &&
        html`<section class="notice"><p><strong>${p("tokens.shownOnce")}</strong></p><p><code>${shown}</code></p><p class="muted">${p("tokens.howToUse")}</p></section>`,
      html`<section><p class="muted">${p("tokens.note")}</p><form method="post" action="/admin/tokens?lang=${lang}">${csrfField(csrf)}`,
      viewer.role === "admin" &&
        html`<label>${p("tokens.for")} <select name="officerId"><option value="">${p("tokens.forMe")}</option>${officers.map(
          (o) =>
            html`<option value="${o.id}">${o.id.slice(0, 8)} · ${p(`role.${o.role}`)}${o.displayName ? ` · ${o.displayName}` : ""}</option>`,
        )}</select></label> `,
      html`<button type="submit">${p("tokens.create")}</button></form></section>`,
      html`<section><table><thead><tr><th>${p("tokens.id")}</th>${viewer.role === "admin" && html`<th>${p("tokens.officer")}</th>`}<th>${p("tokens.created")}</th><th>${p("tokens.lastUsed")}</th><th></th></tr></thead><tbody>`,
      tokens.map(row),
      html`</tbody></table>${tokens.length === 0 && html`<p class="muted">${p("empty")}</p>`}</section>`,
    ]}`;
    c.send(res, 200, pages.page(lang, { title: p("tokens.title"), body, viewer, csrf, active: "tokens" }));
  };

  router.get("/admin/tokens", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (viewer) await render(req, res, viewer);
  });

  router.post("/admin/tokens", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const chosen = viewer.role === "admin" ? field(req.body, "officerId", 64) : "";
    let officerId = viewer.officerId;
    if (chosen) {
      const target = (await deps.officers.list()).find((o) => o.id === chosen && !o.revokedAt);
      if (!target) return void c.send(res, 404, pages.message(c.lang(req), "notFound"));
      officerId = target.id;
    }
    const actor = `officer:${viewer.officerId}`;
    const created = await deps.apiTokens.create(officerId, actor);
    await deps.audit.append({ actor, action: "apitoken.create", subject: created.id, resultCount: 1 });
    await render(req, res, viewer, created.token);
  });

  router.post("/admin/tokens/:id/revoke", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const id = String(req.params.id);
    const outcome = await deps.apiTokens.revoke(id, { id: viewer.officerId, role: viewer.role }, c.now());
    if (outcome === "not-found") return void c.send(res, 404, pages.message(c.lang(req), "notFound"));
    const actor = `officer:${viewer.officerId}`;
    if (outcome === "revoked")
      await deps.audit.append({ actor, action: "apitoken.revoke", subject: id, resultCount: 1 });
    res.redirect(303, `/admin/tokens?lang=${c.lang(req)}`);
  });
}
