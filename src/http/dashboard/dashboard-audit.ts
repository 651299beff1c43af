import type { Router as ExpressRouter, Request, Response } from "express";
import type { Language } from "../../core/messages";
import { readFormDay } from "../../core/understanding/form-day";
import { formatVietnamTime } from "../../core/vietnam-time";
import { CHAT_AUDIT_ACTIONS, NAMED_AUDIT_ACTIONS } from "../../features/checkin/audit-actions";
import { toCsv } from "../../features/dashboard/csv";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import type { AuditFilter, AuditRow } from "../../features/dashboard/dashboard-store";
import { html } from "../html";
import { actorWords, auditActionWords, officerActors, subjectWords } from "./audit-words";
import { type DashboardContext, queryParam } from "./dashboard-context";

/** One page of the log; older rows are a click away (keyset paging: every page costs the same). */
const PAGE = 100;
/** The export holds at most this many rows (narrow the filters for more: a month of a busy district). */
const CSV_LIMIT = 20_000;
const KINDS = ["chat", "dashboard", "api"] as const;
const ACTIONS: readonly string[] = [...NAMED_AUDIT_ACTIONS, ...CHAT_AUDIT_ACTIONS.map((a) => `chat.${a}`)];

/** The filters as typed (kept in the form) and as read. */
interface AuditQuery {
  typed: { officer: string; action: string; from: string; to: string };
  filter: AuditFilter;
  /** Field → message; when set, nothing is listed until it is corrected. */
  errors: Partial<Record<"from" | "to", string>>;
}

function readQuery(req: Request, now: Date, p: (k: string) => string): AuditQuery {
  const typed = {
    officer: queryParam(req, "officer", 80),
    action: queryParam(req, "action", 80),
    from: queryParam(req, "from", 40),
    to: queryParam(req, "to", 40),
  };
  const filter: AuditFilter = {};
  const errors: AuditQuery["errors"] = {};
  const officer = /^officer:([\w-]{1,64})$/.exec(typed.officer)?.[1];
  if (officer) filter.actors = [`officer:${officer}`, `dashboard:${officer}`];
  else if (typed.officer === "admin-api") filter.actors = ["admin-api"];
  const kind = /^kind:(chat|dashboard|api)$/.exec(typed.action)?.[1];
  if (kind) filter.actionPrefix = kind === "chat" ? "chat." : kind === "dashboard" ? "dashboard " : "api ";
  else if (ACTIONS.includes(typed.action)) filter.action = typed.action;
  for (const key of ["from", "to"] as const) {
    if (!typed[key]) continue;
    const day = readFormDay(typed[key], now);
    if (!day.ok) {
      errors[key] = p(`audit.errors.${day.reason}`);
      continue;
    }
    const midnight = new Date(`${day.day}T00:00:00+07:00`);
    // "to" is the last day shown, so the window ends at the next midnight.
    if (key === "from") filter.from = midnight;
    else filter.to = new Date(midnight.getTime() + 86_400_000);
  }
  if (filter.from && filter.to && filter.from >= filter.to) errors.to = p("audit.errors.reversed");
  const before = Number(queryParam(req, "before", 12));
  if (Number.isSafeInteger(before) && before > 0) filter.beforeId = before;
  return { typed, filter, errors };
}

/** The audit log for officers: every staff action in words, filtered by officer, action and days, exported. */
export function mountDashboardAudit(router: ExpressRouter, c: DashboardContext): void {
  const { html: pages, deps } = c;

  /** Rows of a query with what is needed to show them in words. */
  const load = async (viewer: DashboardViewer, lang: Language, filter: AuditFilter, limit: number) => {
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const [rows, officers, topics] = await Promise.all([
      deps.store.listAudit(viewer.scope, filter, limit),
      deps.officers.list(),
      deps.faqContent.list(),
    ]);
    const ids = rows.flatMap((r) => [r.venueId, r.subject].filter((v): v is string => !!v));
    const names = {
      venues: await deps.store.venueLabels(ids.filter((id) => !id.startsWith("ticket:"))),
      topics: new Map(
        topics.flatMap((t) => {
          const title = (t.published?.content ?? t.draft?.content)?.title;
          return title ? [[t.id, title[lang] || title.vi] as const] : [];
        }),
      ),
      commune: (code: string) => c.communeName(code),
    };
    const actors = officerActors(officers);
    const words = (r: AuditRow) => ({
      at: formatVietnamTime(r.createdAt, lang),
      actor: actorWords(r.actor, actors, p),
      action: auditActionWords(r.action, p),
      subject: subjectWords(r, names, p),
      window:
        r.windowFrom && r.windowTo
          ? `${formatVietnamTime(r.windowFrom, lang)} – ${formatVietnamTime(r.windowTo, lang)}`
          : "",
      // Request-level rows hold the HTTP status; the others, how many records the action touched.
      result: /^(dashboard|api) /.test(r.action)
        ? p("audit.status", { status: r.resultCount })
        : String(r.resultCount),
    });
    return { rows, words, officers, p };
  };

  router.get("/admin/audit", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const query = readQuery(req, c.now(), p);
    const failed = Object.keys(query.errors).length > 0;
    const { rows, words, officers } = await load(viewer, lang, query.filter, failed ? 0 : PAGE);
    const { typed } = query;
    const option = (value: string, label: string, selected: string) =>
      html`<option value="${value}"${selected === value && html` selected`}>${label}</option>`;
    const params = (extra: Record<string, string>) => {
      const q = new URLSearchParams({ lang });
      for (const [k, v] of Object.entries({ ...typed, ...extra })) if (v) q.set(k, v);
      return q.toString();
    };
    const dayField = (key: "from" | "to") =>
      html`<label>${p(`audit.${key}`)} <input name="${key}" value="${typed[key]}" placeholder="dd/mm/yyyy" size="11"${query.errors[key] && html` aria-invalid="true"`}></label> `;
    const last = rows.at(-1);
    const body = html`${[
      html`<section><p class="muted">${p("audit.note")}</p><form method="get" action="/admin/audit" id="audit-filter"><input type="hidden" name="lang" value="${lang}">`,
      html`<label>${p("audit.officer")} <select name="officer">${option("", p("audit.allOfficers"), typed.officer)}${officers.map(
        (o) =>
          option(
            `officer:${o.id}`,
            `${o.displayName?.trim() || p("audit.unnamed")} (${p(`role.${o.role}`)})`,
            typed.officer,
          ),
      )}${option("admin-api", p("audit.sharedToken"), typed.officer)}</select></label> `,
      html`<label>${p("audit.action")} <select name="action">${option("", p("audit.allActions"), typed.action)}${KINDS.map(
        (k) => option(`kind:${k}`, p(`audit.kinds.${k}`), typed.action),
      )}${ACTIONS.filter((a) => !a.startsWith("chat.")).map((a) => option(a, p(`auditActions.${a}`), typed.action))}</select></label> `,
      dayField("from"),
      dayField("to"),
      html`<button type="submit">${p("venues.filter")}</button> <a id="csv" href="/admin/audit.csv?${params({ before: "" })}">${p("venues.csv")}</a></form>`,
      Object.entries(query.errors).map(
        ([k, m]) => html`<p class="err" role="alert" data-field="${k}">${m}</p>`,
      ),
      html`</section><section><table class="cards"><thead><tr><th>${p("audit.at")}</th><th>${p("audit.actor")}</th><th>${p("audit.action")}</th><th>${p("audit.subject")}</th><th>${p("audit.window")}</th><th>${p("audit.results")}</th></tr></thead><tbody>`,
      rows.map((r) => {
        const w = words(r);
        return html`<tr data-audit="${r.id}"><td data-label="${p("audit.at")}">${w.at}</td><td data-label="${p("audit.actor")}">${w.actor}</td><td data-label="${p("audit.action")}">${w.action}</td><td data-label="${p("audit.subject")}">${w.subject}</td><td data-label="${p("audit.window")}">${w.window}</td><td data-label="${p("audit.results")}">${w.result}</td></tr>`;
      }),
      html`</tbody></table>${rows.length === 0 && !failed && html`<p class="muted">${p("empty")}</p>`}`,
      html`<p class="pager">${query.filter.beforeId !== undefined && html`<a id="newest" href="/admin/audit?${params({ before: "" })}">${p("audit.newest")}</a>`}${
        rows.length === PAGE &&
        last &&
        html`<a id="older" href="/admin/audit?${params({ before: String(last.id) })}">${p("audit.older")}</a>`
      }</p></section>`,
    ]}`;
    const csrf = c.csrfToken(req);
    c.send(
      res,
      failed ? 400 : 200,
      pages.page(lang, { title: p("audit.title"), body, viewer, csrf, active: "audit" }),
    );
  });

  router.get("/admin/audit.csv", async (req: Request, res: Response) => {
    const viewer = c.viewer(req, res);
    if (!viewer) return;
    const lang = c.lang(req);
    const p = (k: string, params?: Record<string, string | number>) => pages.t(lang, k, params);
    const query = readQuery(req, c.now(), p);
    if (Object.keys(query.errors).length > 0) {
      return void c.send(
        res,
        400,
        pages.page(lang, {
          title: p("audit.title"),
          body: html`<p class="err">${Object.values(query.errors).join(" ")}</p>`,
          viewer,
        }),
      );
    }
    const { beforeId: _ignored, ...filter } = query.filter;
    const { rows, words } = await load(viewer, lang, filter, CSV_LIMIT);
    // The export is itself a read of the log: written with how many rows left.
    await deps.audit.append({
      actor: `officer:${viewer.officerId}`,
      action: "audit.csv",
      resultCount: rows.length,
    });
    const header = ["at", "actor", "action", "subject", "window", "results"].map((k) => p(`audit.${k}`));
    const csv = toCsv([
      header,
      ...rows.map((r) => {
        const w = words(r);
        return [w.at, w.actor, w.action, w.subject, w.window, w.result];
      }),
    ]);
    res
      .status(200)
      .set({
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="audit.csv"',
        "Cache-Control": "no-store",
      })
      .send(csv);
  });
}
