import type { Language } from "../../core/messages";
import { formatDay, formatVietnamTime } from "../../core/vietnam-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import type { FaqContent, FaqContentError } from "../../features/faq/content/faq-content";
import type { FaqRevision, FaqTopicState } from "../../features/faq/content/faq-content-store";
import { ARCHIVE_NOTICE_AS_OF } from "../../features/faq/topic-content";
import { FAQ_ACTIONS, FAQ_GROUPS } from "../../features/faq/topics";
import { html, type SafeHtml } from "../html";
import type { DashboardHtml } from "./dashboard-html";
import { csrfField } from "./dashboard-html";

/** Styles of the content pages: the chat-bubble preview and the side-by-side columns. */
export const CONTENT_HEAD = html`<style>.bubble{background:#e7f3ec;border-radius:12px 12px 12px 2px;padding:8px 12px;white-space:pre-wrap;max-width:420px}.bubble .btn{display:block;margin-top:6px;border:1px solid #0b6b3a;border-radius:6px;padding:2px 8px;color:#0b6b3a}.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:12px}.published{white-space:pre-wrap}label{display:block;margin:6px 0}.field-err{color:#c62828}.badge{border-radius:4px;padding:0 6px;font-size:.85em}.b-draft{background:#fff3cd}.b-stale{background:#fdecea}.b-pub{background:#e6f4ea}</style>`;

/** Admins and editors publish and restore; every officer may draft. */
export const isEditor = (viewer: DashboardViewer): boolean =>
  viewer.role === "admin" || viewer.role === "editor";

/** "2021-11-15" → "15/11/2021". */
export const dmy = formatDay;

/** Whether a topic is past its review date on `today` (ISO day). */
export const isStale = (content: FaqContent | undefined, today: string): boolean =>
  content !== undefined && content.reviewBy < today;

/** The topics table: status, review date, and links to edit. */
export function topicList(
  pages: DashboardHtml,
  lang: Language,
  topics: FaqTopicState[],
  today: string,
): SafeHtml {
  const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, `content.${k}`, params);
  const rows = topics.map((t) => {
    const shown = t.draft?.content ?? t.published?.content;
    const badges = [
      t.published && html`<span class="badge b-pub">${p("status.published")}</span> `,
      t.draft && html`<span class="badge b-draft">${p("status.draft")}</span> `,
      isStale(t.published?.content, today) && html`<span class="badge b-stale">${p("status.stale")}</span>`,
    ];
    return html`<tr><td><a href="/admin/content/${encodeURIComponent(t.id)}?lang=${lang}">${shown?.title[lang] ?? t.id}</a><br><span class="muted">${t.id}</span></td><td>${shown ? pages.t(lang, `faq:groups.${shown.group}`) : ""}</td><td>${badges}</td><td>${shown ? dmy(shown.reviewBy) : ""}</td></tr>`;
  });
  return html`${[
    html`<table><thead><tr><th>${p("topic")}</th><th>${p("group")}</th><th>${p("statusHeading")}</th><th>${p("reviewBy")}</th></tr></thead><tbody>`,
    rows,
    html`</tbody></table>`,
    topics.length === 0 && html`<p class="muted">${pages.t(lang, "empty")}</p>`,
  ]}`;
}

/** The edit form; `errors` mark their fields and the values are what the officer typed. */
export function topicForm(
  pages: DashboardHtml,
  lang: Language,
  options: { content: FaqContent; isNew: boolean; errors: FaqContentError[]; csrf: string; action: string },
): SafeHtml {
  const p = (k: string) => pages.t(lang, `content.${k}`);
  const { content: c, errors } = options;
  const err = (field: string) =>
    errors
      .filter((e) => e.field === field)
      .map((e) => html`<span class="field-err" id="err-${field}"> ${p(`errors.${e.reason}`)}</span>`);
  const invalid = (field: string) => errors.some((e) => e.field === field) && html` aria-invalid="true"`;
  const input = (name: string, field: string, value: string, type = "text") =>
    html`<label>${p(`fields.${field}`)}${err(field)}<input name="${name}" type="${type}" value="${value}"${invalid(field)} size="60"></label>`;
  const area = (name: string, field: string, value: string, rows: number) =>
    html`<label>${p(`fields.${field}`)}${err(field)}<textarea name="${name}" rows="${rows}"${invalid(field)}>${value}</textarea></label>`;
  return html`${[
    errors.length > 0 && html`<div class="err" role="alert"><p>${p("errors.heading")}</p></div>`,
    html`<form method="post" action="${options.action}">${csrfField(options.csrf)}`,
    options.isNew ? input("id", "id", c.id) : html`<input type="hidden" name="id" value="${c.id}">`,
    html`<label>${p("fields.group")}${err("group")}<select name="group">`,
    FAQ_GROUPS.map(
      (g) =>
        html`<option value="${g}"${c.group === g && html` selected`}>${pages.t(lang, `faq:groups.${g}`)}</option>`,
    ),
    html`</select></label><label>${p("fields.action")}<select name="action"><option value="">—</option>`,
    FAQ_ACTIONS.map((a) => html`<option value="${a}"${c.action === a && html` selected`}>${a}</option>`),
    html`</select></label>`,
    input("title_vi", "title.vi", c.title.vi),
    input("title_en", "title.en", c.title.en),
    area("answer_vi", "answer.vi", c.answer.vi, 10),
    area("answer_en", "answer.en", c.answer.en, 10),
    area("examples_vi", "examples.vi", c.examples.vi.join("\n"), 6),
    area("examples_en", "examples.en", c.examples.en.join("\n"), 4),
    area("keywords_vi", "keywords.vi", c.keywords.vi.join("\n"), 3),
    area("keywords_en", "keywords.en", c.keywords.en.join("\n"), 3),
    input("related", "related", c.related.join(" ")),
    input("validAsOf", "validAsOf", c.validAsOf, "date"),
    input("reviewBy", "reviewBy", c.reviewBy, "date"),
    area("sourceNote", "sourceNote", c.sourceNote, 2),
    html`<p><button type="submit">${p("saveDraft")}</button></p></form>`,
  ]}`;
}

/** The answer as a citizen would see it in the chat, with its date line, notice and related-topic buttons. */
export function chatPreview(
  pages: DashboardHtml,
  lang: Language,
  content: FaqContent,
  titleOf: (id: string) => string | undefined,
): SafeHtml {
  const lines = [content.answer[lang], pages.t(lang, "faq:validAsOf", { date: dmy(content.validAsOf) })];
  // As the bot shows it with FAQ_ARCHIVE_NOTICE on (the default).
  if (content.validAsOf < ARCHIVE_NOTICE_AS_OF) lines.push("", pages.t(lang, "faq:notice.archived"));
  const buttons = content.related.map((id) => html`<span class="btn">${titleOf(id) ?? id}</span>`);
  return html`<div class="bubble" lang="${lang}">${lines.join("\n")}${buttons}</div>`;
}

/** The revision history, newest first, with a restore button on each earlier valid revision (editors only). */
export function history(
  pages: DashboardHtml,
  lang: Language,
  options: {
    topic: FaqTopicState;
    revisions: FaqRevision[];
    editor: boolean;
    csrf: string;
    /** Who a stored author ("dashboard:<officer id>", "seed", "import") is, in words: name and role. */
    who: (author: string) => string;
  },
): SafeHtml {
  const p = (k: string) => pages.t(lang, `content.${k}`);
  const { topic } = options;
  const when = (d: Date) => formatVietnamTime(d, lang);
  return html`${[
    html`<table><thead><tr><th>#</th><th>${p("history.at")}</th><th>${p("history.by")}</th><th>${p("history.origin")}</th><th>${p("history.changed")}</th><th></th></tr></thead><tbody>`,
    options.revisions.map((r) => {
      const current = topic.published?.id === r.id;
      const restore =
        options.editor &&
        !current &&
        r.content &&
        html`<form class="inline" method="post" action="/admin/content/${encodeURIComponent(topic.id)}/restore?lang=${lang}">${csrfField(options.csrf)}<input type="hidden" name="revision" value="${r.id}"><button class="ghost" type="submit">${p("restore")}</button></form>`;
      const state = current ? p("status.published") : topic.draft?.id === r.id ? p("status.draft") : "";
      return html`<tr><td>${r.id}</td><td>${when(r.createdAt)} UTC</td><td>${options.who(r.author)}</td><td>${p(`origin.${r.origin}`)} ${state && html`<strong>${state}</strong>`}${r.publishedBy && html` · ${p("history.publishedBy")} ${options.who(r.publishedBy)}`}</td><td>${r.changed.join(", ")}</td><td>${restore}</td></tr>`;
    }),
    html`</tbody></table>`,
  ]}`;
}
