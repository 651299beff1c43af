import type { Router as ExpressRouter, Request, Response } from "express";
import { maskPhonesIn } from "../../core/mask-phones";
import { type Language, languageFromHint } from "../../core/messages";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { answerLabel } from "../../features/surveys/survey-model";
import { NO_COMMUNE, percent, resultsCsv } from "../../features/surveys/survey-results";
import type { SurveyService } from "../../features/surveys/survey-service";
import type { SurveyRecord } from "../../features/surveys/survey-store";
import { scopeCodes, surveyVisible } from "../../features/surveys/surveys-feature";
import { codesCoveredBy } from "../../features/venues/district";
import { html, type SafeHtml } from "../html";
import type { AudienceUnits } from "./dashboard-audience";
import { communesInScope, DASHBOARD_FORM, field } from "./dashboard-context";
import { DASHBOARD_HEADERS, DashboardHtml, jsonBlock } from "./dashboard-html";
import {
  dashboardPageGuards,
  type FeaturePageDeps,
  sessionIdOf,
  type VenuePageSection,
  viewerOf,
} from "./dashboard-session";
import {
  checkSurveyForm,
  readSurveyForm,
  type SurveyFormErrors,
  type SurveyFormInput,
  surveyForm,
  surveyPreview,
} from "./dashboard-survey-composer";

/** What the survey pages need beyond every feature page's: the service, the scheduler's wake-up, a clock. */
export type SurveyPageDeps = FeaturePageDeps & { service: SurveyService; kick: () => void; now?: () => Date };

/**
 * Survey pages of the dashboard: the list, and per survey its results while it runs — per question, counts
 * and percentages per commune, the response rate, a chart, the text answers (phones masked when stored) and
 * a CSV export. An officer sees the surveys and the answers of their communes only; every read is audited.
 */
export function mountSurveyPages(router: ExpressRouter, deps: SurveyPageDeps): void {
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
  const now = deps.now ?? (() => new Date());
  const units: AudienceUnits = {
    communes: (scope) => communesInScope(deps.district, scope),
    coveredCodes: (code) => codesCoveredBy(deps.district, code),
  };
  const csrfOf = (req: Request) => deps.csrf.token(sessionIdOf(req) ?? "");
  /**
   * The survey of `:id` if the viewer may see it, with its results in their scope, the read audited as
   * `action`; otherwise a 404 page and undefined.
   */
  const auditedResults = async (
    req: Request,
    res: Response,
    v: DashboardViewer,
    action: "survey.results" | "survey.csv",
  ) => {
    const survey = await deps.service.get(String(req.params.id));
    const scope = scopeOf(v);
    if (!survey || !surveyVisible(survey, scope)) {
      send(res, 404, pages.message(lang(req), "notFound"));
      return undefined;
    }
    const results = await deps.service.results(survey, scope);
    await deps.audit.append({
      actor: `officer:${v.officerId}`,
      action,
      communeCode: scope?.join(",") ?? null,
      resultCount: results.responded,
    });
    return { survey, results };
  };
  const composePage = (
    req: Request,
    res: Response,
    v: DashboardViewer,
    status: number,
    input?: SurveyFormInput,
    errors?: SurveyFormErrors,
  ) => {
    const l = lang(req);
    const csrf = csrfOf(req);
    const body = surveyForm(pages, units, v, l, csrf, input, errors);
    send(
      res,
      status,
      pages.page(l, { title: pages.t(l, "surveys:form.heading"), body, viewer: v, csrf, active: "surveys" }),
    );
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
      html`<p><a id="new-survey" href="/admin/surveys/new?lang=${l}">${p("new")}</a></p><p class="muted">${p("apiHint")}</p>`,
    ]}`;
    send(
      res,
      200,
      pages.page(l, { title: p("heading"), body, viewer: v, csrf: csrfOf(req), active: "surveys" }),
    );
  });

  router.get("/admin/surveys/new", (req: Request, res: Response) => {
    const v = viewer(req, res);
    if (v) composePage(req, res, v, 200);
  });

  // Compose → preview → confirm: each step posts every field, so a wrong one is shown with all that was typed.
  router.post("/admin/surveys", ...DASHBOARD_FORM, async (req: Request, res: Response) => {
    const v = viewer(req, res);
    if (!v) return;
    const l = lang(req);
    if (!deps.csrf.verify(req)) return void send(res, 403, pages.message(l, "forbidden"));
    const input = readSurveyForm(req.body, units, v);
    const step = field(req.body, "step");
    if (step === "edit") return composePage(req, res, v, 200, input);
    const checked = checkSurveyForm(input, units, v, now(), (k, params) => pages.t(l, k, params));
    if (!checked.ok) return composePage(req, res, v, 400, input, checked.errors);
    const reach = await deps.service.reach(checked.audience);
    const total = reach.reduce((n, r) => n + r.count, 0);
    if (step !== "confirm") {
      const csrf = csrfOf(req);
      const shown = reach.map((r) => ({
        name: r.communeCode ? deps.communeName(r.communeCode) : pages.t(l, "surveys:form.noCommune"),
        count: r.count,
      }));
      const body = surveyPreview(pages, l, csrf, input, checked, shown);
      const title = pages.t(l, "surveys:form.previewHeading");
      return void send(res, 200, pages.page(l, { title, body, viewer: v, csrf, active: "surveys" }));
    }
    // Counted again at the confirmation: the audience may have changed since the preview.
    if (total === 0) {
      const owners = checked.audience.roles?.length === 1 && checked.audience.roles[0] === "venue-owner";
      const reason = pages.t(l, `surveys:form.errors.${owners ? "nobodyOwners" : "nobody"}`);
      return composePage(req, res, v, 400, input, { audience: reason });
    }
    const created = await deps.service.create({
      title: checked.title,
      questions: checked.questions,
      audience: checked.audience,
      closesAt: checked.closesAt,
      createdBy: `dashboard:${v.officerId}`,
    });
    await deps.audit.append({
      actor: `officer:${v.officerId}`,
      action: "survey.create",
      communeCode: checked.audience.communes?.join(",") ?? null,
      resultCount: total,
    });
    deps.kick();
    res.redirect(303, `/admin/surveys/${created.id}?lang=${l}`);
  });

  router.get("/admin/surveys/:id", async (req: Request, res: Response) => {
    const v = viewer(req, res);
    if (!v) return;
    const l = lang(req);
    const p = (k: string, params?: Record<string, string | number>) =>
      pages.t(l, `surveys:dash.${k}`, params);
    const found = await auditedResults(req, res, v, "survey.results");
    if (!found) return;
    const { survey, results } = found;
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
    send(
      res,
      200,
      pages.page(l, { title: survey.title, body, viewer: v, csrf: csrfOf(req), active: "surveys" }),
    );
  });

  router.get("/admin/surveys/:id/results.csv", async (req: Request, res: Response) => {
    const v = viewer(req, res);
    if (!v) return;
    const l = lang(req);
    const found = await auditedResults(req, res, v, "survey.csv");
    if (!found) return;
    const { survey, results } = found;
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

/**
 * The part of a venue's dashboard page that shows what its owner answered to venue-owner surveys about it
 * (the page has already checked the venue is in the viewer's communes). Text answers were stored with
 * phone numbers masked; they are masked again here in case a stored one predates that. The read is audited.
 */
export function venueSurveyAnswers(deps: SurveyPageDeps): VenuePageSection {
  const pages = new DashboardHtml(deps.texts);
  return async (venue, viewer, lang) => {
    const p = (k: string, params?: Record<string, string | number>) =>
      pages.t(lang, `surveys:dash.${k}`, params);
    const rows = await deps.service.venueAnswers(venue.id);
    await deps.audit.append({
      actor: `officer:${viewer.officerId}`,
      action: "survey.results",
      communeCode: venue.communeCode,
      resultCount: rows.length,
    });
    const surveys = new Map<string, SurveyRecord>();
    for (const id of new Set(rows.map((r) => r.surveyId))) {
      const survey = await deps.service.get(id);
      if (survey) surveys.set(id, survey);
    }
    const yes = pages.t(lang, "surveys:yes");
    const no = pages.t(lang, "surveys:no");
    const blocks: SafeHtml[] = [...surveys.values()].map((survey) => {
      const answers = rows.filter((r) => r.surveyId === survey.id);
      return html`<h3>${survey.title} <span class="muted">(${pages.t(lang, `surveys:status.${survey.status}`)})</span></h3><table><tbody>${answers.map(
        (a) => {
          const question = survey.questions[a.question];
          const answer = question ? answerLabel(question, a.value, yes, no) : a.value;
          return html`<tr><td>${a.question + 1}. ${question?.text ?? ""}</td><td>${maskPhonesIn(answer)}</td><td class="muted">${p("answeredAt", { at: formatVietnamTime(a.answeredAt, lang) })}</td></tr>`;
        },
      )}</tbody></table>`;
    });
    return html`<section id="venue-surveys"><h2>${p("venueHeading")}</h2>${blocks.length ? blocks : html`<p>${p("venueNone")}</p>`}</section>`;
  };
}
