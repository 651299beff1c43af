import type { Router as ExpressRouter, Request, Response } from "express";
import { type Language, languageFromHint } from "../../core/messages";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { exposureFollowUpSchema, type FollowUpService } from "../../features/follow-ups/follow-up-service";
import { scopeCodes } from "../../features/surveys/surveys-feature";
import { html, type SafeHtml } from "../html";
import { DASHBOARD_FORM, field } from "./dashboard-context";
import { csrfField, DASHBOARD_HEADERS, DashboardHtml } from "./dashboard-html";
import { dashboardPageGuards, type FeaturePageDeps, sessionIdOf, viewerOf } from "./dashboard-session";

type Typed = { name: string; text: string; days: string };

/**
 * Scheduled reminders per commune, for officers (their communes only): counts, never who or which date —
 * the dates are personal data. The API gives the same counts to the district's systems. Reads are audited.
 * Below them, the follow-ups after a visit to an alerted venue; a district admin defines them here.
 */
export function mountFollowUpCounts(
  router: ExpressRouter,
  deps: FeaturePageDeps & { service: FollowUpService },
): void {
  const pages = new DashboardHtml(deps.texts);
  const langOf = (req: Request): Language =>
    languageFromHint(typeof req.query.lang === "string" ? req.query.lang : undefined);
  const send = (res: Response, status: number, body: string) =>
    res.status(status).set(DASHBOARD_HEADERS).send(body);

  router.get("/api/v1/follow-ups/counts", async (_req: Request, res: Response) => {
    const counts = await deps.service.countsByCommune();
    await deps.audit.append({
      actor: "admin-api",
      action: "followups.counts",
      resultCount: counts.reduce((n, c) => n + c.count, 0),
    });
    res.json({ items: counts });
  });

  const render = async (
    req: Request,
    res: Response,
    viewer: DashboardViewer,
    status: number,
    form?: { typed?: Typed; errors?: string[]; notice?: string },
  ) => {
    const lang = langOf(req);
    const p = (k: string, params?: Record<string, string>) => pages.t(lang, `followups:dash.${k}`, params);
    const scope = viewer.scope ? scopeCodes(deps.district, viewer.scope) : null;
    const counts = (await deps.service.countsByCommune()).filter(
      (c) => !scope || (c.communeCode !== null && scope.includes(c.communeCode)),
    );
    await deps.audit.append({
      actor: `officer:${viewer.officerId}`,
      action: "followups.counts",
      communeCode: scope?.join(",") ?? null,
      resultCount: counts.reduce((n, c) => n + c.count, 0),
    });
    const defined = (await deps.service.definitions()).filter((f) => f.trigger === "exposure");
    const csrf = deps.csrf.token(sessionIdOf(req) ?? "");
    const typed = form?.typed;
    const input = (name: keyof Typed, extra: SafeHtml) =>
      html`<label>${p(name)} <input name="${name}" value="${typed?.[name] ?? ""}"${extra}></label> `;
    const body = html`${[
      html`<p>${p("intro")}</p><table><thead><tr><th>${p("commune")}</th><th>${p("count")}</th></tr></thead><tbody>${counts.map(
        (c) =>
          html`<tr><td>${c.communeCode ? deps.communeName(c.communeCode) : p("noCommune")}</td><td>${c.count}</td></tr>`,
      )}</tbody></table>`,
      html`<section id="exposure-follow-ups"><h2>${p("definedHeading")}</h2><p class="muted">${p("definedIntro")}</p>`,
      form?.notice && html`<p class="ok" role="status">${form.notice}</p>`,
      defined.length
        ? html`<table><thead><tr><th>${p("name")}</th><th>${p("days")}</th><th>${p("text")}</th></tr></thead><tbody>${defined.map(
            (f) => html`<tr><td>${f.name}</td><td>${f.offsetDays ?? ""}</td><td>${f.text}</td></tr>`,
          )}</tbody></table>`
        : html`<p>${p("definedNone")}</p>`,
      form?.errors?.length &&
        html`<div class="err" role="alert"><p>${p("errorsHeading")}</p><ul>${form.errors.map((e) => html`<li>${e}</li>`)}</ul></div>`,
      viewer.scope
        ? html`<p class="muted">${p("adminOnly")}</p>`
        : html`<form method="post" action="/admin/reminders/follow-ups?lang=${lang}" id="define-follow-up">${[
            csrfField(csrf),
            input("name", html` maxlength="80" size="40"`),
            input("days", html` inputmode="numeric" size="3"`),
            html`<label>${p("text")}<textarea name="text" rows="3" maxlength="1000">${typed?.text ?? ""}</textarea></label>`,
            html`<button type="submit">${p("add")}</button>`,
          ]}</form>`,
      html`</section>`,
    ]}`;
    send(res, status, pages.page(lang, { title: p("heading"), body, viewer, csrf, active: "reminders" }));
  };

  router.use("/admin/reminders", ...dashboardPageGuards(deps.auth, deps.audit));
  router.get("/admin/reminders", async (req: Request, res: Response) => {
    const viewer = viewerOf(res);
    if (!viewer) return void send(res, 401, pages.message(langOf(req), "loginHelp"));
    await render(req, res, viewer, 200);
  });

  router.post("/admin/reminders/follow-ups", ...DASHBOARD_FORM, async (req: Request, res: Response) => {
    const lang = langOf(req);
    const viewer = viewerOf(res);
    if (!viewer) return void send(res, 401, pages.message(lang, "loginHelp"));
    if (!deps.csrf.verify(req)) return void send(res, 403, pages.message(lang, "forbidden"));
    // A follow-up applies to every alert in the district: a commune's officer may not define one.
    if (viewer.scope) return void send(res, 403, pages.message(lang, "forbidden"));
    const typed: Typed = {
      name: field(req.body, "name", 200),
      text: field(req.body, "text", 2000),
      days: field(req.body, "days", 10),
    };
    const parsed = exposureFollowUpSchema.safeParse(typed);
    if (!parsed.success) {
      const wrong = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))].filter(Boolean);
      const errors = wrong.map((k) => pages.t(lang, `followups:dash.errors.${k}`));
      return render(req, res, viewer, 400, { typed, errors });
    }
    const id = await deps.service.defineAfterExposure(parsed.data, `dashboard:${viewer.officerId}`);
    await deps.audit.append({
      actor: `officer:${viewer.officerId}`,
      action: "followups.define",
      subject: id,
      resultCount: 1,
    });
    const notice = pages.t(lang, "followups:dash.created", { name: parsed.data.name });
    await render(req, res, viewer, 201, { notice });
  });
}
