import type { Language } from "../../core/messages";
import type { Audience } from "../../features/broadcasts/audience";
import { formatLocal } from "../../features/broadcasts/send-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { readClosingTime } from "../../features/surveys/closing-time";
import { splitOptions } from "../../features/surveys/compose-flow";
import {
  QUESTION_KINDS,
  type Question,
  questionSchema,
  surveyTitleSchema,
} from "../../features/surveys/survey-model";
import { html, type SafeHtml } from "../html";
import {
  type AudienceInput,
  type AudienceUnits,
  audienceFieldset,
  audienceHidden,
  audienceOf,
  readAudience,
} from "./dashboard-audience";
import { field } from "./dashboard-context";
import { csrfField, type DashboardHtml } from "./dashboard-html";

/** Question rows the form shows (a survey asks five at most). */
const FORM_ROWS = 5;
/** Rows read from a post: more than the form shows, so a sixth question is named as too many, not dropped. */
const READ_ROWS = 10;

/** One question row as typed. */
export interface QuestionInput {
  text: string;
  kind: string;
  options: string;
}

/** What the officer typed and ticked, kept as typed so the form can show it again on any error. */
export interface SurveyFormInput extends AudienceInput {
  title: string;
  questions: QuestionInput[];
  closes: string;
}

export type SurveyFormErrors = Partial<Record<string, string>>;

export type SurveyFormCheck =
  | { ok: true; title: string; questions: Question[]; audience: Audience; closesAt: Date }
  | { ok: false; errors: SurveyFormErrors };

/** The survey form's fields from a posted body (rows past the last filled one are left out). */
export function readSurveyForm(body: unknown, u: AudienceUnits, viewer: DashboardViewer): SurveyFormInput {
  const rows = Array.from({ length: READ_ROWS }, (_, i) => ({
    text: field(body, `q${i}_text`, 400),
    kind: field(body, `q${i}_kind`, 10),
    options: field(body, `q${i}_options`, 600),
  }));
  let last = rows.length;
  while (last > 0 && !rows[last - 1]?.text && !rows[last - 1]?.options) last--;
  return {
    title: field(body, "title", 200),
    questions: rows.slice(0, last),
    ...readAudience(body, u, viewer),
    closes: field(body, "closes", 60),
  };
}

/**
 * Checks the form as the chat composer does: a title, one to five questions (single choice with 2–6
 * options, yes/no, number, short text), an audience within the officer's communes, a closing time typed
 * as people type it and not past. Every wrong field is named, by its form field.
 */
export function checkSurveyForm(
  input: SurveyFormInput,
  u: AudienceUnits,
  viewer: DashboardViewer,
  now: Date,
  t: (key: string, params?: Record<string, string | number>) => string,
): SurveyFormCheck {
  const e = (k: string, params?: Record<string, string | number>) => t(`surveys:form.errors.${k}`, params);
  const errors: SurveyFormErrors = {};
  const title = surveyTitleSchema.safeParse(input.title);
  if (!title.success) errors.title = e("title");
  const asked = input.questions.map((q, i) => ({ q, i })).filter(({ q }) => q.text || q.options);
  if (asked.length === 0) errors.questions = e("none");
  if (asked.length > 5) errors.questions = e("tooMany", { count: asked.length });
  const questions: Question[] = [];
  for (const { q, i } of asked) {
    const kind = QUESTION_KINDS.find((k) => k === q.kind);
    const options = splitOptions(q.options);
    const parsed = questionSchema.safeParse(
      kind === "choice" ? { kind, text: q.text, options } : { kind, text: q.text },
    );
    if (parsed.success) {
      questions.push(parsed.data);
      continue;
    }
    errors[`q${i}`] = !kind
      ? e("kind")
      : q.text.trim().length < 3 || q.text.trim().length > 300
        ? e("text")
        : options.length < 2 || options.length > 6
          ? e("options", { count: options.length })
          : e("optionLength");
  }
  const audience = audienceOf(input, u, viewer);
  if (input.outside.length) errors.audience = e("outside", { codes: input.outside.join(", ") });
  else if (!audience) errors.audience = t("dashboard:broadcasts.errors.audience");
  const closesAt = input.closes ? readClosingTime(input.closes, now) : "empty";
  if (typeof closesAt === "string")
    errors.closes = e(
      closesAt === "empty" ? "closesEmpty" : closesAt === "past" ? "closesPast" : "closesInvalid",
    );
  if (Object.keys(errors).length || !title.success || !audience || typeof closesAt === "string")
    return { ok: false, errors };
  return { ok: true, title: title.data, questions, audience, closesAt };
}

/** The compose form, filled with what was typed, each wrong field marked and named. */
export function surveyForm(
  pages: DashboardHtml,
  u: AudienceUnits,
  viewer: DashboardViewer,
  lang: Language,
  csrf: string,
  input?: SurveyFormInput,
  errors: SurveyFormErrors = {},
): SafeHtml {
  const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, `surveys:${k}`, params);
  const bad = (name: string) => errors[name] && html` aria-invalid="true"`;
  const note = (name: string) =>
    errors[name] && html`<span class="err" id="err-${name}">${errors[name]}</span>`;
  const label = (k: string) =>
    /^q\d+$/.test(k) ? p("form.fields.q", { n: Number(k.slice(1)) + 1 }) : p(`form.fields.${k}`);
  const rows = Array.from(
    { length: Math.max(FORM_ROWS, input?.questions.length ?? 0) },
    (_, i) => input?.questions[i] ?? { text: "", kind: "", options: "" },
  );
  const kindOption = (row: QuestionInput, kind: string) =>
    html`<option value="${kind}"${(row.kind || "yesno") === kind && html` selected`}>${p(`kind.${kind}`)}</option>`;
  return html`${[
    Object.keys(errors).length > 0 &&
      html`<div class="err" role="alert" id="errors"><p>${p("form.errors.heading")}</p><ul>${Object.entries(
        errors,
      ).map(([k, m]) => html`<li><a href="#f-${k}">${label(k)}</a>: ${m}</li>`)}</ul></div>`,
    html`<section><h2>${p("form.heading")}</h2><form method="post" action="/admin/surveys?lang=${lang}" id="survey-composer">${csrfField(csrf)}`,
    html`<label id="f-title">${p("form.title")} <input name="title" size="60" maxlength="120" value="${input?.title ?? ""}"${bad("title")}></label>${note("title")}`,
    html`<p class="muted" id="f-questions">${p("form.optionalHint")}</p>${note("questions")}`,
    rows.map(
      (row, i) =>
        html`<fieldset id="f-q${i}"${bad(`q${i}`)}><legend>${p("form.question", { n: i + 1 })}</legend>${[
          html`<label>${p("form.questionText")}<textarea name="q${i}_text" rows="2" maxlength="300">${row.text}</textarea></label>`,
          html`<label>${p("form.kind")} <select name="q${i}_kind">${QUESTION_KINDS.map((k) => kindOption(row, k))}</select></label>`,
          html`<label>${p("form.options")}<textarea name="q${i}_options" rows="3">${row.options}</textarea></label>`,
        ]}</fieldset>${note(`q${i}`)}`,
    ),
    audienceFieldset(pages, u, viewer, lang, input, !!errors.audience),
    note("audience"),
    html`<p><label id="f-closes">${p("form.closes")} <input name="closes" value="${input?.closes ?? ""}" placeholder="${p("form.closesHint")}"${bad("closes")}></label>${note("closes")}</p>`,
    html`<button type="submit" name="step" value="preview">${p("form.preview")}</button></form></section>`,
  ]}`;
}

/** Every typed field as hidden inputs, so "confirm" and "change" post exactly what was previewed. */
export function surveyHidden(input: SurveyFormInput): SafeHtml {
  const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`;
  return html`${[
    hidden("title", input.title),
    input.questions.map((q, i) => [
      hidden(`q${i}_text`, q.text),
      hidden(`q${i}_kind`, q.kind),
      hidden(`q${i}_options`, q.options),
    ]),
    audienceHidden(input),
    hidden("closes", input.closes),
  ]}`;
}

/**
 * The preview: the questions as they will be asked, the closing time, and who gets them per commune; then
 * confirm or change. Nobody to reach is refused with the reason (no venue owner, or no subscriber).
 */
export function surveyPreview(
  pages: DashboardHtml,
  lang: Language,
  csrf: string,
  input: SurveyFormInput,
  checked: Extract<SurveyFormCheck, { ok: true }>,
  reach: { name: string; count: number }[],
): SafeHtml {
  const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, `surveys:${k}`, params);
  const total = reach.reduce((n, r) => n + r.count, 0);
  const owners = checked.audience.roles?.length === 1 && checked.audience.roles[0] === "venue-owner";
  return html`${[
    html`<section id="preview"><h2>${checked.title}</h2><ol>${checked.questions.map(
      (q) =>
        html`<li>${q.text} <span class="muted">(${p(`kind.${q.kind}`)})</span>${q.kind === "choice" && html`<ul>${q.options.map((o) => html`<li>${o}</li>`)}</ul>`}</li>`,
    )}</ol>`,
    html`<p>${p("form.closesAt", { at: formatLocal(checked.closesAt) })}</p>`,
    html`<h3 id="recipients">${p("form.recipients", { count: total })}</h3>`,
    html`<table id="per-commune"><tbody>${reach.map((r) => html`<tr><td>${r.name}</td><td>${r.count}</td></tr>`)}</tbody></table>`,
    total === 0 &&
      html`<div class="err" role="alert" id="nobody">${p(owners ? "form.errors.nobodyOwners" : "form.errors.nobody")}</div>`,
    html`<form method="post" action="/admin/surveys?lang=${lang}" style="margin-top:12px">${csrfField(csrf)}${surveyHidden(input)}`,
    total > 0 &&
      html`<button type="submit" name="step" value="confirm">${p("form.confirm", { count: total })}</button> `,
    html`<button type="submit" name="step" value="edit" class="ghost">${p("form.edit")}</button></form></section>`,
  ]}`;
}
