import type { Request } from "express";
import { type ChannelId, type Language, t } from "../../core/messages";
import { type Audience, broadcastTextSchema } from "../../features/broadcasts/audience";
import { CHANNEL_NAMES } from "../../features/broadcasts/broadcast-service";
import { formatLocal, parseSendTime } from "../../features/broadcasts/send-time";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { html, type SafeHtml } from "../html";
import {
  type AudienceInput,
  audienceFieldset,
  audienceHidden,
  audienceOf,
  readAudience,
} from "./dashboard-audience";
import { type DashboardContext, field } from "./dashboard-context";
import { csrfField } from "./dashboard-html";

const LANGS = ["vi", "en"] as const;

/** What the officer typed and ticked, kept as typed so every page of the composer can show it again. */
export interface ComposerInput extends AudienceInput {
  text: string;
  textEn: string;
  when: string;
}

/** A checked composer: the broadcast to create, or the fields that are wrong (by form field name). */
export type ComposerCheck =
  | { ok: true; text: string; textEn: string | null; audience: Audience; sendAt: Date }
  | { ok: false; errors: Partial<Record<"text" | "textEn" | "audience" | "when", string>> };

/** The composer's fields from a posted form (unknown communes, roles and languages are dropped). */
export function readComposer(req: Request, c: DashboardContext, viewer: DashboardViewer): ComposerInput {
  return {
    text: field(req.body, "text", 5000),
    textEn: field(req.body, "textEn", 5000),
    ...readAudience(req.body, c, viewer),
    when: field(req.body, "when", 40),
  };
}

/**
 * Checks the composer as the chat composer would: a scoped officer only ever reaches their own communes
 * ("all" means all of theirs), communes, roles and languages combine (each narrows), a time typed as people
 * write it and not in the past.
 */
export function checkComposer(
  input: ComposerInput,
  c: DashboardContext,
  viewer: DashboardViewer,
  lang: Language,
): ComposerCheck {
  const p = (k: string) => c.html.t(lang, `broadcasts.errors.${k}`);
  const errors: Partial<Record<"text" | "textEn" | "audience" | "when", string>> = {};
  const text = broadcastTextSchema.safeParse(input.text);
  if (!text.success) errors.text = p("text");
  const en = input.textEn ? broadcastTextSchema.safeParse(input.textEn) : undefined;
  if (en && !en.success) errors.textEn = p("textEn");
  const audience = audienceOf(input, c, viewer);
  if (!audience) errors.audience = p("audience");
  const now = c.now();
  const sendAt = input.when ? parseSendTime(input.when, now) : now;
  if (typeof sendAt === "string") errors.when = p(sendAt);
  if (!text.success || !audience || typeof sendAt === "string" || Object.keys(errors).length)
    return { ok: false, errors };
  return { ok: true, text: text.data, textEn: en?.success ? en.data : null, audience, sendAt };
}

/** The compose form, filled with what was typed, each wrong field marked and named. */
export function composerForm(
  c: DashboardContext,
  viewer: DashboardViewer,
  lang: Language,
  csrf: string,
  input?: ComposerInput,
  errors: Partial<Record<string, string>> = {},
): SafeHtml {
  const p = (k: string) => c.html.t(lang, k);
  const bad = (name: string) => errors[name] && html` aria-invalid="true"`;
  const note = (name: string) =>
    errors[name] && html`<span class="err" id="err-${name}">${errors[name]}</span>`;
  return html`${[
    Object.keys(errors).length > 0 &&
      html`<div class="err" role="alert"><p>${p("broadcasts.errors.heading")}</p><ul>${Object.entries(
        errors,
      ).map(
        ([k, m]) => html`<li><a href="#f-${k}">${p(`broadcasts.fields.${k}`)}</a>: ${m}</li>`,
      )}</ul></div>`,
    html`<section><h2>${p("broadcasts.compose")}</h2><form method="post" action="/admin/broadcasts?lang=${lang}" id="composer">${csrfField(csrf)}`,
    html`<label id="f-text">${p("broadcasts.textVi")}<textarea name="text" rows="4" maxlength="3500"${bad("text")}>${input?.text ?? ""}</textarea></label>${note("text")}`,
    html`<label id="f-textEn">${p("broadcasts.textEn")}<textarea name="textEn" rows="3" maxlength="3500"${bad("textEn")}>${input?.textEn ?? ""}</textarea></label>${note("textEn")}`,
    audienceFieldset(c.html, c, viewer, lang, input, !!errors.audience),
    html`${note("audience")}`,
    html`<label id="f-when">${p("broadcasts.when")} <input name="when" value="${input?.when ?? ""}" placeholder="08:30 / 25/12 08:30"${bad("when")}></label>${note("when")} `,
    html`<button type="submit" name="step" value="preview">${p("broadcasts.previewButton")}</button></form></section>`,
  ]}`;
}

/** The same fields as hidden inputs, so "confirm" and "change" post exactly what was previewed. */
function hiddenFields(input: ComposerInput): SafeHtml {
  const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`;
  return html`${[
    hidden("text", input.text),
    hidden("textEn", input.textEn),
    audienceHidden(input),
    hidden("when", input.when),
  ]}`;
}

/**
 * The preview: the message as each channel will show it (per language, with the footer), who gets it per
 * channel and per commune, when; then confirm or change. Nobody to reach is refused with the reason.
 */
export async function composerPreview(
  c: DashboardContext,
  lang: Language,
  csrf: string,
  input: ComposerInput,
  checked: Extract<ComposerCheck, { ok: true }>,
  viewer: DashboardViewer,
): Promise<{ body: SafeHtml; total: number }> {
  const p = (k: string, params?: Record<string, string | number>) => c.html.t(lang, k, params);
  const { deps } = c;
  const now = c.now();
  const reach = await deps.broadcasts.reach(checked.audience, now);
  // Per commune: the audience narrowed to each unit in force it touches (former units counted in theirs).
  const units = c
    .communes(viewer.scope)
    .filter(
      (u) =>
        !checked.audience.communes ||
        c.coveredCodes(u.code).some((code) => checked.audience.communes?.includes(code)),
    );
  const perCommune = await Promise.all(
    units.map(async (u) => {
      const codes = c
        .coveredCodes(u.code)
        .filter((code) => !checked.audience.communes || checked.audience.communes.includes(code));
      const { all: _all, ...rest } = checked.audience;
      return { name: u.name, n: await deps.broadcasts.countAudience({ ...rest, communes: codes }) };
    }),
  );
  const inCommunes = perCommune.reduce((s, x) => s + x.n, 0);
  const languages = (checked.audience.languages ?? LANGS) as readonly Language[];
  const shown = (l: Language) =>
    `${l === "en" && checked.textEn ? checked.textEn : checked.text}\n\n${deps.texts.render(t("broadcasts:footer"), l)}`;
  const channels = Object.entries(reach.byChannel) as [ChannelId, number][];
  const body = html`${[
    html`<section id="preview">`,
    html`<p>${p("broadcasts.previewWhen", { when: input.when ? formatLocal(checked.sendAt) : p("broadcasts.now") })}</p>`,
    html`<div class="grid">${(
      channels.length ? channels.map(([ch]) => ch) : (["telegram"] as ChannelId[])
    ).flatMap((ch) =>
      languages.map(
        (l) =>
          html`<figure class="bubble" data-channel="${ch}" data-lang="${l}"><figcaption>${CHANNEL_NAMES[ch]} · ${p(`broadcasts.languages.${l}`)}</figcaption><pre style="white-space:pre-wrap;font:inherit;background:#eef6f0;padding:8px;border-radius:8px">${shown(l)}</pre></figure>`,
      ),
    )}</div>`,
    html`<h3>${p("broadcasts.recipients", { count: reach.total })}</h3>`,
    html`<table id="per-channel"><thead><tr><th>${p("broadcasts.channel")}</th><th>${p("broadcasts.people")}</th></tr></thead><tbody>${channels.map(
      ([ch, n]) => html`<tr><td>${CHANNEL_NAMES[ch]}</td><td>${n}</td></tr>`,
    )}</tbody></table>`,
    html`<table id="per-commune" style="margin-top:12px"><thead><tr><th>${p("broadcasts.commune")}</th><th>${p("broadcasts.people")}</th></tr></thead><tbody>${perCommune
      .filter((x) => x.n > 0)
      .map((x) => html`<tr><td>${x.name}</td><td>${x.n}</td></tr>`)}${
      reach.total > inCommunes &&
      html`<tr><td>${p("broadcasts.noCommune")}</td><td>${reach.total - inCommunes}</td></tr>`
    }</tbody></table>`,
    reach.zaloOa &&
      html`<p>${deps.texts.render(t("broadcasts:compose.previewZalo", { ...reach.zaloOa }), lang)}</p>`,
    reach.total === 0 &&
      html`<div class="err" role="alert" id="nobody">${p("broadcasts.errors.nobody")}</div>`,
    html`<form method="post" action="/admin/broadcasts?lang=${lang}" style="margin-top:12px">${csrfField(csrf)}${hiddenFields(input)}`,
    reach.total > 0 &&
      html`<button type="submit" name="step" value="confirm">${p("broadcasts.confirmButton", { count: reach.total })}</button> `,
    html`<button type="submit" name="step" value="edit" class="ghost">${p("broadcasts.editButton")}</button></form></section>`,
  ]}`;
  return { body, total: reach.total };
}
