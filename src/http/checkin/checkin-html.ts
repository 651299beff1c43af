import type { Language, TextParam } from "../../core/messages";
import type { TextRenderer } from "../../core/renderer";
import { HEALTH_QUESTIONS, type HealthQuestion } from "../../features/checkin/health-questions";
import { html, raw, type SafeHtml } from "../html";

/** Everything a page shows about the venue (no visitor data of anyone else, ever). */
export interface VenueView {
  code: string;
  name: string;
  address: string;
}

/** What the person typed, echoed back when the form is re-rendered with errors. */
export interface FormValues {
  phone: string;
  name: string;
  answers: Partial<Record<HealthQuestion, "yes" | "no">>;
}

// Inline and small: the page must open fast on a slow phone at a gate, with no external request at all.
const CSS =
  "*{box-sizing:border-box}body{font:17px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1b1f1d;background:#f4f7f5}" +
  "main{max-width:520px;margin:auto;padding:16px}h1{color:#0b6b3a;font-size:1.3em;margin:.2em 0 .6em}" +
  ".venue{background:#fff;border-left:5px solid #0b6b3a;padding:10px 14px;margin-bottom:14px}.venue h2{margin:.1em 0;font-size:1.2em}" +
  ".venue p{margin:.2em 0;color:#444}label,legend{display:block;font-weight:600;margin:.9em 0 .3em}" +
  "small{font-weight:400;color:#555}input[type=tel],input[type=text]{width:100%;font-size:1.1em;padding:.6em;border:1px solid #888;border-radius:6px}" +
  "fieldset{border:0;margin:1.1em 0 0;padding:0}legend{margin-top:0}.yn{display:flex;gap:10px}.yn label{flex:1;font-weight:400;margin:0;border:1px solid #888;border-radius:6px;padding:.55em;background:#fff}" +
  "button,.btn{display:block;width:100%;margin:1.2em 0;padding:.8em;font-size:1.1em;font-weight:700;color:#fff;background:#0b6b3a;border:0;border-radius:8px;text-align:center;text-decoration:none}" +
  ".alt{background:#fff;color:#0b6b3a;border:2px solid #0b6b3a;margin:.5em 0}.err{background:#fdecea;border:1px solid #c62828;padding:8px 12px;border-radius:6px}" +
  ".ok{background:#e6f4ea;border:1px solid #0b6b3a;padding:12px;border-radius:6px;font-size:1.1em}.warn{background:#fff4e5;border:1px solid #e65100;padding:12px;border-radius:6px}" +
  ".note{color:#555;font-size:.9em}.lang{text-align:right;margin:0}a{color:#0b5394}footer{margin-top:20px;color:#555;font-size:.9em}";

/** Renders the check-in pages in one language; every string comes from locales/<lng>/checkin.json. */
export class CheckinPages {
  constructor(
    private readonly texts: TextRenderer,
    private readonly options: { retentionDays: number; telegramBot: string | undefined },
  ) {}

  form(lang: Language, venue: VenueView, csrf: string, values: FormValues, errors: string[]): string {
    const p = this.t(lang);
    const code = venue.code;
    const field = (name: "phone" | "name", type: string, extra: SafeHtml, hint: SafeHtml | "") =>
      html`${[
        html`<label for="${name}">${p(`page.${name}`)} <small>(${p(name === "phone" ? "page.required" : "page.optional")})</small></label>`,
        html`<input id="${name}" name="${name}" type="${type}" value="${values[name]}" ${extra}${hint}>`,
      ]}`;
    const question = (q: HealthQuestion) => {
      const choice = (value: "yes" | "no") =>
        html`<label><input type="radio" name="${q}" value="${value}" required${values.answers[q] === value && html` checked`}> ${p(`page.${value}`)}</label>`;
      return html`<fieldset><legend>${p(`questions.${q}`)}</legend><div class="yn">${choice("yes")}${choice("no")}</div></fieldset>`;
    };
    const telegram =
      this.options.telegramBot &&
      html`<a class="btn alt" href="https://t.me/${this.options.telegramBot}?start=c_${code}">${p("page.telegram")}</a>`;
    const body = html`${[
      errors.length > 0 &&
        html`<div class="err" role="alert"><strong>${p("page.errorTitle")}</strong><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>`,
      html`<form method="post" action="/c/${code}?lang=${lang}"><input type="hidden" name="csrf" value="${csrf}">`,
      field(
        "phone",
        "tel",
        html`inputmode="tel" autocomplete="tel" maxlength="32" required `,
        html`placeholder="${p("page.phoneHint")}"`,
      ),
      field("name", "text", html`autocomplete="name" maxlength="80" `, ""),
      HEALTH_QUESTIONS.map(question),
      html`<button type="submit">${p("page.submit")}</button></form>`,
      html`<p class="note">${p("page.privacy", { days: this.options.retentionDays })}</p>`,
      html`<p>${p("page.chatTitle")}</p>${telegram}<a class="btn alt" href="/?start=c_${code}">${p("page.webchat")}</a>`,
      // Zalo documents no link that carries a start payload, so Zalo users are told what to send instead.
      html`<p class="note">${p("page.zalo", { command: `/start c_${code}` })}</p>`,
    ]}`;
    return this.page(lang, p("page.title"), venue, body);
  }

  done(lang: Language, venue: VenueView, time: string, repeat: boolean, flagged: boolean): string {
    const p = this.t(lang);
    const advice =
      flagged &&
      html`<div class="warn" role="alert"><strong>${p("advice.title")}</strong><p>${p("advice.page")}</p><p><a href="tel:19009095">${p("advice.hotline")}</a></p></div>`;
    const body = html`${[
      html`<p class="ok" role="status">✓ ${p(repeat ? "page.doneRepeat" : "page.done", { venue: venue.name, time })}</p>`,
      html`${advice}<p class="note">${p("page.doneNote")}</p>`,
      html`<a class="btn alt" href="/c/${venue.code}?lang=${lang}">${p("page.again")}</a>`,
    ]}`;
    // No "you are entering" block: the confirmation names the venue itself.
    return this.page(lang, p("page.doneTitle"), undefined, body);
  }

  message(lang: Language, kind: "notFound" | "forbidden" | "tooMany", code?: string): string {
    const p = this.t(lang);
    const reopen =
      kind !== "notFound" &&
      code &&
      html`<a class="btn" href="/c/${code}?lang=${lang}">${p("page.reopen")}</a>`;
    return this.page(lang, p(`page.${kind}Title`), undefined, html`<p>${p(`page.${kind}`)}</p>${reopen}`);
  }

  private page(lang: Language, title: string, venue: VenueView | undefined, body: SafeHtml): string {
    const p = this.t(lang);
    const other: Language = lang === "vi" ? "en" : "vi";
    const venueBlock =
      venue &&
      html`<section class="venue"><p>${p("page.lead")}</p><h2>${venue.name}</h2><p>${venue.address}</p></section>`;
    return html`${[
      html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
      // A stylesheet is raw text to the browser: an entity there would not be decoded, so it is not escaped.
      html`<title>${title}</title><style>${raw(CSS)}</style></head><body><main>`,
      html`<p class="lang"><a href="?lang=${other}" hreflang="${other}" lang="${other}">${p("page.switchLanguage")}</a></p>`,
      html`<h1>${title}</h1>${venueBlock}${body}<footer>${p("advice.hotline")}</footer></main></body></html>`,
    ]}`.toString();
  }

  /** Renders a key of the checkin namespace as plain text (i18next does not escape: chats are plain text). */
  private t(lang: Language) {
    return (key: string, params?: Record<string, TextParam>) =>
      this.texts.render({ key: `checkin:${key}`, ...(params ? { params } : {}) }, lang);
  }
}
