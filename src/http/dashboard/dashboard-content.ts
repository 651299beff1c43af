import express, { type Router as ExpressRouter, type Request, type Response } from "express";
import type { Language } from "../../core/messages";
import { vietnamDay } from "../../core/vietnam-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import type { FaqContent, FaqContentError } from "../../features/faq/content/faq-content";
import type { ContentEditor, PublishRefusal } from "../../features/faq/content/faq-content-service";
import { FaqCsvError, faqContentFromCsv, faqContentToCsv } from "../../features/faq/content/faq-csv";
import { foldVietnamese } from "../../features/faq/fold";
import { FAQ_ACTIONS, FAQ_GROUPS } from "../../features/faq/topics";
import { cleanBody } from "../clean-body";
import { html, type SafeHtml } from "../html";
import {
  CONTENT_HEAD,
  chatPreview,
  history,
  isEditor,
  isStale,
  topicForm,
  topicList,
} from "./dashboard-content-pages";
import { type DashboardContext, field, queryParam } from "./dashboard-context";
import { csrfField } from "./dashboard-html";
import { noticeLink } from "./dashboard-notices";

// A topic with long answers and many examples, percent-encoded, passes the 32 kB of the other forms.
const topicForm_ = [express.urlencoded({ extended: false, limit: "256kb", parameterLimit: 30 }), cleanBody];
// A pasted sheet of every topic (about 150 kB today, encoded).
const sheetForm = [express.urlencoded({ extended: false, limit: "4mb", parameterLimit: 10 }), cleanBody];

const editorOf = (viewer: DashboardViewer): ContentEditor => ({
  actor: `dashboard:${viewer.officerId}`,
  role: viewer.role,
});

/** A topic as typed in the form: lists one phrase per line, related ids separated by spaces or commas. */
function readTopic(body: unknown): FaqContent {
  const lines = (name: string) => field(body, name, 20_000).split(/\r?\n/);
  const group = field(body, "group", 20);
  const action = field(body, "action", 40);
  return {
    id: field(body, "id", 60),
    group: ((FAQ_GROUPS as readonly string[]).includes(group) ? group : "contact") as FaqContent["group"],
    ...((FAQ_ACTIONS as readonly string[]).includes(action)
      ? { action: action as NonNullable<FaqContent["action"]> }
      : {}),
    title: { vi: field(body, "title_vi", 300), en: field(body, "title_en", 300) },
    answer: { vi: field(body, "answer_vi", 8000), en: field(body, "answer_en", 8000) },
    examples: { vi: lines("examples_vi"), en: lines("examples_en") },
    keywords: { vi: lines("keywords_vi"), en: lines("keywords_en") },
    related: field(body, "related", 2000)
      .split(/[\s,;]+/)
      .filter((id) => id !== ""),
    validAsOf: field(body, "validAsOf", 20),
    reviewBy: field(body, "reviewBy", 20),
    sourceNote: field(body, "sourceNote", 2000),
  };
}

/**
 * FAQ content (docs/adr/014): the topic list with the stale ones, the edit page (draft beside the published
 * version, chat previews in both languages, history with restore), new topics (also from an unanswered
 * question), and the sheet export/import. Every officer drafts; admins and editors publish and restore.
 */
export function mountDashboardContent(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;
  const content = deps.faqContent;
  const today = () => vietnamDay(c.now());

  const page = (
    req: Request,
    res: Response,
    viewer: DashboardViewer,
    status: number,
    title: string,
    body: SafeHtml,
  ) =>
    c.send(
      res,
      status,
      pages.page(c.lang(req), {
        title,
        body,
        viewer,
        csrf: c.csrfToken(req),
        active: "content",
        head: CONTENT_HEAD,
      }),
    );

  router.get("/admin/content", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string) => pages.t(lang, `content.${k}`);
    const staleOnly = queryParam(req, "stale") === "1";
    const all = await content.list();
    const topics = staleOnly ? all.filter((t) => isStale(t.published?.content, today())) : all;
    const csrf = c.csrfToken(req);
    const body = html`${[
      html`<section><p><a href="/admin/content/new?lang=${lang}">${p("new")}</a> · `,
      staleOnly
        ? html`<a href="/admin/content?lang=${lang}">${p("showAll")}</a>`
        : html`<a href="/admin/content?stale=1&amp;lang=${lang}">${p("showStale")}</a>`,
      html` · <a href="/admin/content.csv?lang=${lang}">${p("export")}</a></p>`,
      staleOnly && html`<p class="muted">${p("staleNote")}</p>`,
      topicList(pages, lang, topics, today()),
      html`</section><section><h2>${p("import.heading")}</h2><p class="muted">${p("import.note")}</p>`,
      html`<form method="post" action="/admin/content/import?lang=${lang}">${csrfField(csrf)}<textarea name="csv" rows="6"></textarea>`,
      isEditor(viewer) &&
        html`<label><input type="checkbox" name="publish" value="1"> ${p("import.publish")}</label>`,
      html`<p><button type="submit">${p("import.button")}</button></p></form></section>`,
    ]}`;
    page(req, res, viewer, 200, p(staleOnly ? "staleTitle" : "title"), body);
  });

  router.get("/admin/content.csv", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    // The latest words of every topic: a pending draft is what the district is asked to review.
    const topics = (await content.list()).flatMap((t) => {
      const latest = t.draft?.content ?? t.published?.content;
      return latest ? [latest] : [];
    });
    res
      .status(200)
      .set({
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="faq-content-${today()}.csv"`,
        "Cache-Control": "no-store",
      })
      .send(faqContentToCsv(topics));
  });

  router.post("/admin/content/import", sheetForm, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, `content.${k}`, params);
    const publish = field(req.body, "publish") === "1";
    if (publish && !isEditor(viewer)) return void c.send(res, 403, pages.message(lang, "forbidden"));
    let topics: FaqContent[];
    try {
      topics = faqContentFromCsv(field(req.body, "csv", 4_000_000));
    } catch (error) {
      if (!(error instanceof FaqCsvError)) throw error;
      return page(
        req,
        res,
        viewer,
        400,
        p("import.heading"),
        html`<div class="err" role="alert"><p>${p("import.unreadable")}</p><p>${error.message}</p></div>`,
      );
    }
    const result = await content.importAll(topics, editorOf(viewer), { publish });
    const refused = result.refused.map(
      (r) =>
        html`<li>${r.id}: ${r.errors.map((e) => `${p(`fields.${e.field}`)} – ${p(`errors.${e.reason}`)}`).join("; ")}</li>`,
    );
    const body = html`${[
      html`<section><p class="ok">${p("import.done", { saved: result.saved.length, published: result.published.length, unchanged: result.unchanged.length })}</p>`,
      refused.length > 0 &&
        html`<div class="err" role="alert"><p>${p("import.refused")}</p><ul>${refused}</ul></div>`,
      html`<p><a href="/admin/content?lang=${lang}">${p("back")}</a></p></section>`,
    ]}`;
    page(req, res, viewer, result.refused.length > 0 ? 400 : 200, p("import.heading"), body);
  });

  const blank = async (cluster: string): Promise<FaqContent> => {
    const questions = cluster ? await deps.faq.clusterQuestions(cluster, 30) : [];
    const day = today();
    return {
      id: "",
      group: "contact",
      title: { vi: questions[0] ?? "", en: "" },
      answer: { vi: "", en: "" },
      examples: { vi: questions, en: [] },
      keywords: { vi: [], en: [] },
      related: [],
      validAsOf: day,
      reviewBy: `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`,
      sourceNote: "",
    };
  };

  const renderNew = (
    req: Request,
    res: Response,
    viewer: DashboardViewer,
    status: number,
    topic: FaqContent,
    errors: FaqContentError[],
  ) => {
    const lang = c.lang(req);
    const form = topicForm(pages, lang, {
      content: topic,
      isNew: true,
      errors,
      csrf: c.csrfToken(req),
      action: `/admin/content?lang=${lang}`,
    });
    page(req, res, viewer, status, pages.t(lang, "content.newTitle"), html`<section>${form}</section>`);
  };

  router.get("/admin/content/new", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (viewer) renderNew(req, res, viewer, 200, await blank(queryParam(req, "cluster", 500)), []);
  });

  router.post("/admin/content", topicForm_, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const typed = readTopic(req.body);
    const saved = await content.saveDraft(typed, editorOf(viewer), { isNew: true, origin: "cluster" });
    if ("errors" in saved) return renderNew(req, res, viewer, 400, typed, saved.errors);
    res.redirect(303, `/admin/content/${encodeURIComponent(typed.id.trim())}?lang=${c.lang(req)}`);
  });

  const renderEdit = async (
    req: Request,
    res: Response,
    viewer: DashboardViewer,
    status: number,
    typed?: { content: FaqContent; errors: FaqContentError[] },
    notice?: SafeHtml,
  ) => {
    const lang = c.lang(req);
    const p = (k: string) => pages.t(lang, `content.${k}`);
    const topic = await content.get(String(req.params.id));
    if (!topic) return void c.send(res, 404, pages.message(lang, "notFound"));
    const editing = typed?.content ?? topic.draft?.content ?? topic.published?.content;
    if (!editing) return void c.send(res, 404, pages.message(lang, "notFound"));
    const csrf = c.csrfToken(req);
    const titles = new Map(
      (await content.list()).map((t) => [t.id, (t.published?.content ?? t.draft?.content)?.title]),
    );
    const previews = (shown: FaqContent) =>
      (["vi", "en"] as const).map(
        (l) =>
          html`<h3>${p(`previewIn.${l}`)}</h3>${chatPreview(pages, l, shown, (id) => titles.get(id)?.[l])}`,
      );
    const published = topic.published?.content;
    const body = html`${[
      notice,
      published && (await waitingLinks(viewer, lang, published)),
      html`<div class="cols"><section><h2>${p(topic.draft ? "draftHeading" : "editHeading")}</h2>`,
      topicForm(pages, lang, {
        content: editing,
        isNew: false,
        errors: typed?.errors ?? [],
        csrf,
        action: `/admin/content/${encodeURIComponent(topic.id)}?lang=${lang}`,
      }),
      topic.draft &&
        (isEditor(viewer)
          ? html`<form method="post" action="/admin/content/${encodeURIComponent(topic.id)}/publish?lang=${lang}">${csrfField(csrf)}<button type="submit">${p("publish")}</button></form>`
          : html`<p class="muted">${p("needsEditor")}</p>`),
      html`</section><section><h2>${p("publishedHeading")}</h2>`,
      published
        ? html`<p><strong>${published.title[lang]}</strong></p><div class="published">${published.answer[lang]}</div><p class="muted">${p("fields.reviewBy")}: ${published.reviewBy} · ${p("fields.sourceNote")}: ${published.sourceNote}</p>`
        : html`<p class="muted">${p("notPublished")}</p>`,
      html`</section></div><section><h2>${p(topic.draft ? "previewDraft" : "preview")}</h2><div class="cols">`,
      previews(topic.draft?.content ?? editing),
      html`</div></section><section><h2>${p("history.heading")}</h2>`,
      history(pages, lang, {
        topic,
        revisions: await content.revisions(topic.id),
        editor: isEditor(viewer),
        csrf,
        who: await authorNames(lang),
      }),
      html`</section>`,
    ]}`;
    page(req, res, viewer, status, editing.title[lang] || topic.id, body);
  };

  /**
   * Closing the loop: the clusters this published topic answers (its examples, folded as questions are) whose
   * askers in the viewer's communes agreed to be told, each with a link to send them the answer.
   */
  const waitingLinks = async (viewer: DashboardViewer, lang: Language, topic: FaqContent) => {
    const awaiting = await deps.faq.awaitingAnswer(viewer.scope);
    const clusters = [...new Set([...topic.examples.vi, ...topic.examples.en].map((q) => foldVietnamese(q)))];
    const links = clusters.flatMap((folded) => {
      const count = awaiting.get(folded) ?? 0;
      return count > 0
        ? [
            html`<li><a href="${noticeLink(folded, lang, { topic: topic.id })}">${pages.t(lang, "handover:notices.link", { count })}</a> (${folded})</li>`,
          ]
        : [];
    });
    return links.length > 0 && html`<section class="ok" role="status"><ul>${links}</ul></section>`;
  };

  /**
   * Revision authors in words: an officer's name as their chat shows it, role and communes (revoked officers
   * too: history outlives access), else the seed or an import. Never a bare id.
   */
  const authorNames = async (lang: Language) => {
    const officers = new Map((await deps.officers.list()).map((o) => [o.id, o]));
    return (author: string): string => {
      if (author === "seed" || author === "import") return pages.t(lang, `content.authors.${author}`);
      const officer = officers.get(author.replace(/^dashboard:/, ""));
      if (!officer) return pages.t(lang, "content.authors.unknown");
      const where = officer.communes.map((code) => c.communeName(code)).join(", ");
      const role = pages.t(lang, `role.${officer.role}`);
      const name = officer.displayName?.trim() || pages.t(lang, "content.authors.noName");
      return where ? `${name} (${role}, ${where})` : `${name} (${role})`;
    };
  };

  router.get("/admin/content/:id", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (viewer) await renderEdit(req, res, viewer, 200);
  });

  router.post("/admin/content/:id", topicForm_, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    // The address names the topic; a changed hidden field cannot move the edit to another one.
    const typed = { ...readTopic(req.body), id: String(req.params.id) };
    const saved = await content.saveDraft(typed, editorOf(viewer));
    if ("errors" in saved) return renderEdit(req, res, viewer, 400, { content: typed, errors: saved.errors });
    res.redirect(303, `/admin/content/${encodeURIComponent(typed.id)}?lang=${c.lang(req)}`);
  });

  const afterPublish = async (
    req: Request,
    res: Response,
    viewer: DashboardViewer,
    result: { version: number } | PublishRefusal,
  ) => {
    const lang = c.lang(req);
    if (result === "forbidden") return void c.send(res, 403, pages.message(lang, "forbidden"));
    if (result === "notFound") return void c.send(res, 404, pages.message(lang, "notFound"));
    if (result === "nothingToPublish")
      return renderEdit(
        req,
        res,
        viewer,
        409,
        undefined,
        html`<div class="err" role="alert"><p>${pages.t(lang, "content.nothingToPublish")}</p></div>`,
      );
    if ("errors" in result) {
      const topic = await content.get(String(req.params.id));
      const draft = topic?.draft?.content ?? topic?.published?.content;
      return renderEdit(req, res, viewer, 400, draft ? { content: draft, errors: result.errors } : undefined);
    }
    res.redirect(
      303,
      `/admin/content/${encodeURIComponent(String(req.params.id))}?lang=${lang}&published=${result.version}`,
    );
  };

  router.post("/admin/content/:id/publish", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    await afterPublish(req, res, viewer, await content.publish(String(req.params.id), editorOf(viewer)));
  });

  router.post("/admin/content/:id/restore", c.form, async (req: Request, res: Response) => {
    const viewer = c.poster(req, res);
    if (!viewer) return;
    const revision = field(req.body, "revision", 12);
    if (!/^\d{1,10}$/.test(revision)) return void c.send(res, 400, pages.message(c.lang(req), "notFound"));
    await afterPublish(
      req,
      res,
      viewer,
      await content.restore(String(req.params.id), Number(revision), editorOf(viewer)),
    );
  });
}
