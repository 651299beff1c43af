import type { Router as ExpressRouter, Request, Response } from "express";
import { languageFromHint } from "../../core/messages";
import type { FollowUpService } from "../../features/follow-ups/follow-up-service";
import { scopeCodes } from "../../features/surveys/surveys-feature";
import { html } from "../html";
import { DASHBOARD_HEADERS, DashboardHtml } from "./dashboard-html";
import { dashboardPageGuards, type FeaturePageDeps, viewerOf } from "./dashboard-session";

/**
 * Scheduled reminders per commune, for officers (their communes only): counts, never who or which date —
 * the dates are personal data. The API gives the same counts to the district's systems. Reads are audited.
 */
export function mountFollowUpCounts(
  router: ExpressRouter,
  deps: FeaturePageDeps & { service: FollowUpService },
): void {
  const pages = new DashboardHtml(deps.texts);

  router.get("/api/v1/follow-ups/counts", async (_req: Request, res: Response) => {
    const counts = await deps.service.countsByCommune();
    await deps.audit.append({
      actor: "admin-api",
      action: "followups.counts",
      resultCount: counts.reduce((n, c) => n + c.count, 0),
    });
    res.json({ items: counts });
  });

  router.use("/admin/reminders", ...dashboardPageGuards(deps.auth, deps.audit));
  router.get("/admin/reminders", async (req: Request, res: Response) => {
    const lang = languageFromHint(typeof req.query.lang === "string" ? req.query.lang : undefined);
    const viewer = viewerOf(res);
    if (!viewer) {
      res.status(401).set(DASHBOARD_HEADERS).send(pages.message(lang, "loginHelp"));
      return;
    }
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
    const p = (k: string) => pages.t(lang, `followups:dash.${k}`);
    const body = html`<p>${p("intro")}</p><table><thead><tr><th>${p("commune")}</th><th>${p("count")}</th></tr></thead><tbody>${counts.map(
      (c) =>
        html`<tr><td>${c.communeCode ? deps.communeName(c.communeCode) : p("noCommune")}</td><td>${c.count}</td></tr>`,
    )}</tbody></table>`;
    res
      .status(200)
      .set(DASHBOARD_HEADERS)
      .send(pages.page(lang, { title: p("heading"), body, viewer, active: "reminders" }));
  });
}
