import type { Router as ExpressRouter, Request, Response } from "express";
import { type Language, languageFromHint } from "../../core/messages";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { answerLabel } from "../../features/surveys/survey-model";
import { NO_COMMUNE, percent, resultsCsv } from "../../features/surveys/survey-results";
import type { SurveyService } from "../../features/surveys/survey-service";
import { scopeCodes, surveyVisible } from "../../features/surveys/surveys-feature";
import { html } from "../html";
import { DASHBOARD_HEADERS, DashboardHtml, jsonBlock } from "./dashboard-html";
import { dashboardPageGuards, type FeaturePageDeps, viewerOf } from "./dashboard-session";

/**
 * Survey pages of the dashboard: the list, and per survey its results while it runs — per question, counts
 * and percentages per commune, the response rate, a chart, the text answers (phones masked when stored) and
 * a CSV export. An officer sees the surveys and the answers of their communes only; every read is audited.
 */
export function mountSurveyPages(
  router: ExpressRouter,
  deps: FeaturePageDeps & { service: SurveyService },
): void {
  const pages = new DashboardHtml(deps.texts);
  const lang = (req: Request): Language =>
    languageFromHint(typeof req.query.lang === "string" ? req.query.lang : undefined);
  const send = (res: Response, status: number, body: string) =>
    res.status(status).set(DASHBOARD_HEADERS).send(body);
  const viewer = (req: Request, res: Response): DashboardViewer | undefined => {
    const v = viewerOf(res);
    if (!v) send(res, 401, pages.message(lang(req), "loginHelp"));
    return v ?? undefined;
  };
  const scopeOf = (v: DashboardViewer) => (v.scope ? scopeCodes(deps.district, v.scope) : null);
  const commune = (code: string) => (code === NO_COMMUNE ? "–" : deps.communeName(code));
  const find = async (req: Request, v: DashboardViewer) => {
    const survey = await deps.service.get(String(req.params.id));
    return survey && surveyVisible(survey, scopeOf(v)) ? survey : null;
  };

  router.use("/admin/surveys", ...dashboardPageGuards(deps.auth, deps.audit));

  router.get("/admin/surveys", async (req: Request, res: Response) => {
    const v = viewer(req, res);
    if (!v) return;
    const l = lang(req);
    const p = (k: string, params?: Record<string, string | number>) =>
      pages.t(l, `surveys:dash.${k}`, params);
    const list = (await deps.service.list(100)).filter((x) => surveyVisible(x, scopeOf(v)));
    const body = html`${[
      html`<table><thead><tr><th>${p("title")}</th><th>${p("status")}</th><th>${p("closes")}</th></tr></thead><tbody>`,
      list.map(
        (x) =>
          html`<tr><td><a href="/admin/surveys/${x.id}?lang=${l}">${x.title}</a></td><td>${pages.t(l, `surveys:status.${x.status}`)}</td><td>${formatVietnamTime(x.closesAt, l)}</td></tr>`,
      ),
      html`</tbody></table>`,
      list.length === 0 && html`<p>${p("none")}</p>`,
      html`<p>${p("apiHint")}</p>`,
    ]}`;
    send(res, 200, pages.page(l, { title: p("heading"), body, viewer: v, active: "surveys" }));
  });

  router.get("/admin/surveys/:id", async (req: Request, res: Response) => {
    const v = viewer(req, res);
    if (!v) return;
    const l = lang(req);
    const p = (k: string, params?: Record<string, string | number>) =>
      pages.t(l, `surveys:dash.${k}`, params);
    const survey = await find(req, v);
    if (!survey) {
      send(res, 404, pages.message(l, "notFound"));
      return;
    }
    const scope = scopeOf(v);
    const results = await deps.service.results(survey, scope);
    await deps.audit.append({
      actor: `officer:${v.officerId}`,
      action: "survey.results",
      communeCode: scope?.join(",") ?? null,
      resultCount: results.responded,
    });
    const yes = pages.t(l, "surveys:yes");
    const no = pages.t(l, "surveys:no");
    const charts: Record<string, unknown> = {};
    const sections = results.questions.map((q) => {
      const question = survey.questions[q.index];
      if (!question) return html``;
      const label = (k: string) => answerLabel(question, k, yes, no);
      const communes = Object.keys(q.byCommune).sort();
      const keys = q.keys.length
        ? q.keys
        : [...new Set(communes.flatMap((c) => Object.keys(q.byCommune[c]?.counts ?? {})))].sort(
            (a, b) => Number(a) - Number(b),
          );
      if (q.kind !== "text") {
        charts[`q${q.index}`] = {
          type: "bar",
          labels: keys.map(label),
          values: keys.map((k) => q.overall.counts[k] ?? 0),
          legend: [p("answers")],
        };
      }
      return html`<section><h2>${q.index + 1}. ${q.text}</h2>${[
        html`<p>${p("answered", { n: q.overall.answered })}${q.mean !== null && html` – ${p("mean", { mean: q.mean })}`}</p>`,
        q.kind !== "text" && html`<div class="chart" data-chart="q${q.index}"></div>`,
        q.kind !== "text" &&
          html`<table><thead><tr><th>${p("commune")}</th>${keys.map((k) => html`<th>${label(k)}</th>`)}<th>${p("total")}</th></tr></thead><tbody>${communes.map(
            (c) => {
              const tally = q.byCommune[c] ?? { answered: 0, counts: {} };
              return html`<tr><td>${commune(c)}</td>${keys.map((k) => {
                const n = tally.counts[k] ?? 0;
                return html`<td>${n} (${percent(n, tally.answered)}%)</td>`;
              })}<td>${tally.answered}</td></tr>`;
            },
          )}</tbody></table>`,
        q.kind === "text" &&
          html`<ul>${q.texts.map((t) => html`<li>${commune(t.communeCode ?? NO_COMMUNE)}: ${t.text}</li>`)}</ul>`,
      ]}</section>`;
    });
    const body = html`${[
      html`<p>${p("rate", { responded: results.responded, recipients: results.recipients, rate: results.rate })} – ${pages.t(l, `surveys:status.${survey.status}`)} – ${p("closesAt", { at: formatVietnamTime(survey.closesAt, l) })}</p>`,
      html`<table><thead><tr><th>${p("commune")}</th><th>${p("recipients")}</th><th>${p("responded")}</th><th>%</th></tr></thead><tbody>${results.communes.map(
        (c) =>
          html`<tr><td>${commune(c.communeCode ?? NO_COMMUNE)}</td><td>${c.recipients}</td><td>${c.responded}</td><td>${percent(c.responded, c.recipients)}</td></tr>`,
      )}</tbody></table>`,
      html`<p><a href="/admin/surveys/${survey.id}/results.csv?lang=${l}">${p("csv")}</a></p>`,
      sections,
      jsonBlock("chart-data", charts),
    ]}`;
    send(res, 200, pages.page(l, { title: survey.title, body, viewer: v, active: "surveys" }));
  });

  router.get("/admin/surveys/:id/results.csv", async (req: Request, res: Response) => {
    const v = viewer(req, res);
    if (!v) return;
    const l = lang(req);
    const survey = await find(req, v);
    if (!survey) {
      send(res, 404, pages.message(l, "notFound"));
      return;
    }
    const scope = scopeOf(v);
    const results = await deps.service.results(survey, scope);
    await deps.audit.append({
      actor: `officer:${v.officerId}`,
      action: "survey.csv",
      communeCode: scope?.join(",") ?? null,
      resultCount: results.responded,
    });
    const p = (k: string) => pages.t(l, `surveys:dash.csv_${k}`);
    res
      .status(200)
      .set({
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="survey-${survey.id.slice(0, 8)}.csv"`,
      })
      .send(
        resultsCsv(survey, results, {
          header: ["question", "text", "commune", "answer", "count", "percent"].map(p),
          commune,
          answer: (q, key) => answerLabel(q, key, pages.t(l, "surveys:yes"), pages.t(l, "surveys:no")),
        }),
      );
  });
}
