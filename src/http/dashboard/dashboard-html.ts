import type { Language, TextParam } from "../../core/messages";
import type { TextRenderer } from "../../core/renderer";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { html, raw, type SafeHtml } from "../html";

/** Response headers of every dashboard page: never cached, only our own script, no framing. */
export const DASHBOARD_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

const CSS =
  "*{box-sizing:border-box}body{font:15px/1.45 system-ui,'Segoe UI',Roboto,sans-serif;margin:0;color:#1b1f1d;background:#f4f7f5}" +
  "header{background:#0b6b3a;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}" +
  "header a{color:#fff;text-decoration:none}header a.on{text-decoration:underline}header form{margin-left:auto}" +
  "main{max-width:1100px;margin:auto;padding:16px}h1{font-size:1.4em;color:#0b6b3a}section{background:#fff;padding:12px 16px;margin:12px 0;border-radius:6px}" +
  "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top}" +
  "button{background:#0b6b3a;color:#fff;border:0;border-radius:4px;padding:4px 10px;cursor:pointer}button.ghost{background:#fff;color:#0b6b3a;border:1px solid #0b6b3a}" +
  ".chart{width:100%;height:260px}.err{background:#fdecea;border:1px solid #c62828;padding:8px}.ok{background:#e6f4ea;border:1px solid #0b6b3a;padding:8px}" +
  ".muted{color:#666}header .role{opacity:.85}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}form.inline{display:inline}" +
  "input,select,textarea{font:inherit;padding:3px}textarea{width:100%}.pager{display:flex;gap:16px;flex-wrap:wrap}" +
  // Phone width (≈375 px): a wide table becomes one card per row, each cell labelled, actions kept in reach.
  "@media (max-width:640px){main{padding:8px}section{padding:8px}table.cards thead{display:none}" +
  "table.cards tr{display:block;border:1px solid #ddd;border-radius:6px;margin:8px 0;padding:4px;background:#fff}" +
  "table.cards td{display:block;border:0;padding:2px 4px}table.cards td[data-label]::before{content:attr(data-label) ': ';color:#666}" +
  "table.cards td.actions{display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding-top:6px}form input,form select{max-width:100%}}";

/** The pages of the dashboard: a translator bound to a language and the shared frame. */
export class DashboardHtml {
  constructor(private readonly texts: TextRenderer) {}

  /**
   * Text of `dashboard:<key>` (or of `<namespace>:<key>`) in `lang`, as plain text: an `html` template
   * escapes it, and CSV and chart labels use it as it is.
   */
  t(lang: Language, key: string, params?: Record<string, TextParam>): string {
    return this.texts.render(
      { key: `${key.includes(":") ? "" : "dashboard:"}${key}`, ...(params ? { params } : {}) },
      lang,
    );
  }

  /** A whole page; `viewer` adds the navigation and the log-out form. */
  page(
    lang: Language,
    options: {
      title: string;
      body: SafeHtml;
      viewer?: DashboardViewer;
      csrf?: string;
      active?: string;
      head?: SafeHtml;
    },
  ): string {
    const p = (k: string) => this.t(lang, k);
    const other = lang === "vi" ? "en" : "vi";
    const nav =
      options.viewer &&
      html`${[
        [
          "overview",
          "venues",
          "visits",
          "broadcasts",
          "surveys",
          "reminders",
          "inbox",
          "questions",
          "content",
          "audit",
          "tokens",
        ].map((k) => {
          const href = k === "overview" ? "/admin" : `/admin/${k}`;
          return html`<a href="${href}?lang=${lang}"${options.active === k && html` class="on"`}>${p(`nav.${k}`)}</a>`;
        }),
        html`<span class="role">${p(`role.${options.viewer.role}`)}</span>`,
        html`<form method="post" action="/admin/logout?lang=${lang}">${csrfField(options.csrf ?? "")}<button class="ghost" type="submit">${p("nav.logout")}</button></form>`,
      ]}`;
    return html`${[
      html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
      // A stylesheet is raw text to the browser: an entity there would not be decoded, so it is not escaped.
      html`<title>${options.title} – ${p("brand")}</title><style>${raw(CSS)}</style>${options.head}</head><body>`,
      html`<header><strong>${p("brand")}</strong>${nav}<a href="?lang=${other}">${p("switchLanguage")}</a></header>`,
      html`<main><h1>${options.title}</h1>${options.body}</main>`,
      html`<script src="/admin/assets/chart.umd.js"></script><script src="/admin/assets/dashboard.js"></script></body></html>`,
    ]}`.toString();
  }

  /** A page with one message (login help, link used/expired, forbidden). */
  message(lang: Language, key: string): string {
    return this.page(lang, {
      title: this.t(lang, `${key}.title`),
      body: html`<p>${this.t(lang, `${key}.body`)}</p>`,
    });
  }
}

/** A hidden CSRF input. */
export const csrfField = (token: string): SafeHtml =>
  html`<input type="hidden" name="csrf" value="${token}">`;

/** JSON for a `<script type="application/json">` block: `<` escaped so no text can close the element. */
export function jsonBlock(id: string, data: unknown): SafeHtml {
  // A script is raw text like a stylesheet: entities would reach JSON.parse as they are, so the JSON is made
  // safe by escaping `<` the JSON way instead.
  const json = raw(JSON.stringify(data).replace(/</g, "\\u003c"));
  return html`<script type="application/json" id="${id}">${json}</script>`;
}
